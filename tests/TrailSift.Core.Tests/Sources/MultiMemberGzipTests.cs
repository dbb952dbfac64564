using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using TrailSift.Core.Sources;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Sources;

public sealed class MultiMemberGzipTests
{
    // Members of different sizes, an empty one among them (bgzip ends its files with an empty member).
    private static readonly byte[][] Parts =
    [
        Encoding.UTF8.GetBytes(Noise(1, 3000)),
        Encoding.UTF8.GetBytes(Noise(2, 70_000)),
        [],
        Encoding.UTF8.GetBytes(Noise(3, 17)),
        Encoding.UTF8.GetBytes(Noise(4, 140_000)),
    ];

    [Fact]
    public void Should_Decode_Every_Member_When_Gzip_Members_Are_Concatenated()
    {
        // Given: cat a.gz b.gz ... read in one-byte, odd and whole chunks
        byte[] stored = Parts.SelectMany(TempTree.Gzip).ToArray();
        byte[] expected = Parts.SelectMany(p => p).ToArray();

        foreach (int chunk in new[] { 1, 7, 4096, int.MaxValue })
        {
            // When
            var (decoded, error) = Decode(stored, chunk);

            // Then
            Assert.True(error is null, $"chunk {chunk}: {error}");
            Assert.Equal(expected, decoded);
        }
    }

    [Fact]
    public void Should_Report_Truncation_When_Multi_Member_Gzip_Is_Cut_Anywhere_But_A_Member_Boundary()
    {
        // Given
        byte[][] members = Parts.Select(TempTree.Gzip).ToArray();
        byte[] stored = members.SelectMany(m => m).ToArray();
        var boundaries = new HashSet<int>();
        int at = 0;
        foreach (byte[] m in members)
        {
            at += m.Length;
            boundaries.Add(at);
        }

        // When / Then: a cut at a member boundary is a shorter valid file; any other cut is reported
        for (int cut = 2; cut < stored.Length; cut += cut < 400 || stored.Length - cut < 400 ? 1 : 97)
        {
            var (decoded, error) = Decode(stored[..cut], 4096);
            if (boundaries.Contains(cut))
            {
                Assert.True(error is null, $"cut at member boundary {cut}: {error}");
            }
            else
            {
                Assert.True(error is not null, $"cut at {cut} of {stored.Length} was not reported ({decoded.Length} bytes decoded)");
                Assert.Contains("ends early", error, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0 })]
    [InlineData(new byte[] { (byte)'x', (byte)'\n' })]
    public void Should_Report_Error_When_Bytes_Follow_The_Last_Member(byte[] trailing)
    {
        // Given
        byte[] stored = TempTree.Gzip(Parts[0]).Concat(TempTree.Gzip(Parts[1])).Concat(trailing).ToArray();

        // When
        var (_, error) = Decode(stored, int.MaxValue);

        // Then
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(512)]
    public void Should_Report_Zero_Padding_And_Keep_The_Data_When_Zero_Bytes_Follow_The_Last_Member(int zeros)
    {
        // Given: tar-style padding, which ends the file with a zero "CRC-32 and size" as an empty member would
        byte[] stored = TempTree.Gzip(Parts[0]).Concat(TempTree.Gzip(Parts[1])).Concat(new byte[zeros]).ToArray();

        foreach (int chunk in new[] { 1, 7, int.MaxValue })
        {
            // When
            var (decoded, error) = Decode(stored, chunk);

            // Then
            Assert.True(error is not null, $"{zeros} zero bytes, chunk {chunk}: not reported");
            Assert.Contains("zero bytes after the last gzip member", error, StringComparison.Ordinal);
            Assert.Equal(Parts[0].Concat(Parts[1]).ToArray(), decoded);
        }
    }

    [Fact]
    public void Should_Accept_An_Empty_Last_Member_When_It_Is_Gzip_Or_Bgzip_Output()
    {
        // Given: an empty member as .NET writes it, and bgzip's end-of-file block (an empty BGZF member)
        byte[] bgzipEof =
        [
            0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0, 0xff, 0x06, 0, 0x42, 0x43, 0x02, 0, 0x1b, 0, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        byte[][] endings = [TempTree.Gzip([]), bgzipEof];

        foreach (byte[] ending in endings)
        {
            byte[] stored = TempTree.Gzip(Parts[0]).Concat(ending).ToArray();

            // When
            var (decoded, error) = Decode(stored, 7);

            // Then
            Assert.True(error is null, error);
            Assert.Equal(Parts[0], decoded);
        }
    }

    [Fact]
    public void Should_Report_Error_When_A_Middle_Member_Has_A_Bad_Crc()
    {
        // Given: the CRC-32 of the first member flipped
        byte[] first = TempTree.Gzip(Parts[0]);
        first[^6] ^= 0x01;
        byte[] stored = first.Concat(TempTree.Gzip(Parts[1])).ToArray();

        // When
        var (_, error) = Decode(stored, int.MaxValue);

        // Then
        Assert.NotNull(error);
    }

    [Fact]
    public void Should_Split_Crc_Of_A_Suffix_When_Combining_Inverted()
    {
        // Given
        byte[] data = Encoding.UTF8.GetBytes(Noise(9, 5000));

        for (int split = 0; split <= data.Length; split += 499)
        {
            // When: crc(suffix) = crc(all) xor shift(crc(prefix), |suffix|)
            uint all = Crc32.HashToUInt32(data);
            uint prefix = Crc32.HashToUInt32(data.AsSpan(0, split));
            uint suffix = Crc32.HashToUInt32(data.AsSpan(split));

            // Then
            Assert.Equal(suffix, all ^ GzipMemberCheck.Shift(prefix, data.Length - split));
        }
    }

    private static (byte[] Decoded, string? Error) Decode(byte[] stored, int chunk)
    {
        using var decoded = DecodedStream.Open(new ChunkedStream(stored, chunk));
        var output = new MemoryStream();
        byte[] buffer = new byte[8192];
        try
        {
            int n;
            while ((n = decoded.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
            }

            return (output.ToArray(), null);
        }
        catch (InvalidDataException e)
        {
            return (output.ToArray(), e.Message);
        }
    }

    private static string Noise(int seed, int length)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            sb.Append((char)('a' + random.Next(random.Next(1, 27))));
        }

        return sb.ToString();
    }
}
