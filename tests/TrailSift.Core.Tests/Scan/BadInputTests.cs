using System.Text;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Scan;

public sealed class BadInputTests
{
    private static byte[] SampleGzip(int events, out List<string> expected)
    {
        expected = [];
        for (int i = 0; i < events; i++)
        {
            expected.Add(new EventBuilder("sqs.amazonaws.com", "CreateQueue" + i).Json());
        }

        return TempTree.Gzip(Encoding.UTF8.GetBytes(EventBuilder.RecordsFile(expected)));
    }

    [Fact]
    public void Should_Report_Error_And_Keep_Earlier_Events_When_Gzip_Is_Truncated_At_Any_Offset()
    {
        // Given
        byte[] gz = SampleGzip(40, out List<string> all);
        var (complete, none) = ScanHelpers.ScanBytes(gz, "x.json.gz");
        Assert.Empty(none);
        Assert.Equal(all.Count, complete.Count);

        // When / Then: every cut must be reported, and what was read must be a prefix of the real events
        for (int cut = 0; cut < gz.Length; cut += Math.Max(1, gz.Length / 300))
        {
            var (events, problems) = ScanHelpers.ScanBytes(gz[..cut], "x.json.gz");
            Assert.True(problems.Count == 1, $"cut at {cut} of {gz.Length}: {problems.Count} problems");
            Assert.Equal(complete.Take(events.Count), events);
        }

        // The last 8 bytes are the trailer: each cut inside it is still a truncation.
        for (int cut = gz.Length - 8; cut < gz.Length; cut++)
        {
            var (_, problems) = ScanHelpers.ScanBytes(gz[..cut], "x.json.gz");
            Assert.True(problems.Count == 1, $"trailer cut at {cut}");
        }
    }

    [Fact]
    public void Should_Report_Error_When_Gzip_Bytes_Are_Corrupt()
    {
        // Given (the event ids come from a shared counter, so the bytes differ from run to run)
        byte[] gz = SampleGzip(40, out _);
        var (complete, none) = ScanHelpers.ScanBytes(gz, "x.json.gz");
        Assert.Empty(none);
        int reported = 0;
        int trials = 0;

        // When: flip one byte at many places in the compressed body
        for (int at = 12; at < gz.Length - 8; at += Math.Max(1, gz.Length / 60))
        {
            byte[] bad = (byte[])gz.Clone();
            bad[at] ^= 0x5A;
            var (events, problems) = ScanHelpers.ScanBytes(bad, "x.json.gz");
            trials++;
            if (problems.Count > 0)
            {
                reported++;
            }
            else
            {
                // Then: a flip nobody reports must be one deflate ignores (an unused code or padding bit): nothing lost or changed
                Assert.Equal(complete, events);
            }
        }

        // ... and the CRC check (or the JSON parser) catches nearly every corruption
        Assert.True(reported >= trials - 2, $"{reported} of {trials} corruptions reported");
    }

    [Fact]
    public void Should_Report_Error_When_File_Is_Empty()
    {
        var (events, problems) = ScanHelpers.ScanBytes([], "empty.json");
        Assert.Empty(events);
        Assert.Contains("empty input", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_Error_When_Gzip_Holds_Empty_Data()
    {
        var (_, problems) = ScanHelpers.ScanBytes(TempTree.Gzip([]), "empty.json.gz");
        Assert.Contains("empty input", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Detect_Gzip_By_Content_Not_Extension()
    {
        // Given: gzip content named .json, and plain content named .gz
        byte[] gz = SampleGzip(3, out _);
        byte[] plain = Encoding.UTF8.GetBytes(EventBuilder.RecordsFile([new EventBuilder().Json()]));

        // When
        var (a, pa) = ScanHelpers.ScanBytes(gz, "looks-plain.json");
        var (b, pb) = ScanHelpers.ScanBytes(plain, "looks-compressed.json.gz");

        // Then
        Assert.Empty(pa);
        Assert.Empty(pb);
        Assert.Equal(3, a.Count);
        Assert.Single(b);
    }

    [Fact]
    public void Should_Read_Every_Document_When_Gzip_Files_Are_Concatenated()
    {
        // Given: cat a.json.gz b.json.gz
        byte[] a = SampleGzip(3, out List<string> first);
        byte[] b = TempTree.Gzip(Encoding.UTF8.GetBytes(EventBuilder.RecordsFile([new EventBuilder("iam.amazonaws.com", "GetRole").Json()])));

        // When
        var (events, problems) = ScanHelpers.ScanBytes([.. a, .. b], "cat.json.gz");

        // Then
        Assert.Empty(problems);
        Assert.Equal(4, events.Count);
        Assert.Equal(first, events.Take(3));
    }

    [Fact]
    public void Should_Keep_First_Member_Events_When_Second_Member_Is_Truncated()
    {
        // Given
        byte[] a = SampleGzip(3, out List<string> first);
        byte[] b = SampleGzip(40, out _);

        // When: every cut inside the second member
        for (int cut = 2; cut < b.Length; cut += 37)
        {
            var (events, problems) = ScanHelpers.ScanBytes([.. a, .. b[..cut]], "cat.json.gz");

            // Then
            Assert.True(problems.Count >= 1, $"cut {cut}");
            Assert.Equal(first, events.Take(3));
        }
    }
}
