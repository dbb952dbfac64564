using System.Diagnostics;
using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Scan;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Scan;

/// <summary>A bad value ends only itself: the reader reports it and reads on (issue #12, #10 item 4).</summary>
public sealed class RecordReaderRecoveryTests
{
    private static readonly string E1 = new EventBuilder("sqs.amazonaws.com", "CreateQueue").Json();
    private static readonly string E2 = new EventBuilder("ec2.amazonaws.com", "RunInstances").Json();
    private static readonly string E3 = new EventBuilder("s3.amazonaws.com", "GetObject").Json();

    private static readonly (int Chunk, int Buffer)[] Chunkings = [(int.MaxValue, 256 * 1024), (1, 16), (7, 64), (4096, 16), (3, 1024)];

    [Fact]
    public void Should_Skip_Each_Bad_Line_And_Read_The_Rest_When_Ndjson_Has_Bad_Lines()
    {
        // Given: good lines around a scalar, a truncated line, a NUL, a per-line BOM, a too-deep record and an oversized one
        string deep = "{\"eventName\":\"deep\",\"x\":" + new string('[', 300) + new string(']', 300) + "}";
        string big = "{\"eventName\":\"big\",\"x\":[" + string.Concat(Enumerable.Repeat("1,", 1500)) + "1]}";
        string[] lines =
        [
            E1, "42", E2, "{\"eventName\":\"cut", E3, "\0", "\uFEFF" + E1, deep, E2, big, E3,
        ];
        byte[] data = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

        foreach ((int chunk, int buffer) in Chunkings)
        {
            foreach (bool defer in new[] { false, true })
            {
                // When
                var (records, problems, error) = Read(data, chunk, buffer, defer, maxRecordBytes: 2048);

                // Then: every good line survives, in order, and each bad line is reported with its line number
                string context = $"chunk {chunk} buffer {buffer} defer {defer}: {string.Join(" | ", problems)}";
                Assert.True(error is null, context + " / " + error);
                Same([E1, E2, E3, E2, E3], records, context);
                Assert.Equal(6, problems.Count);
                Assert.StartsWith("line 2: value at byte", problems[0], StringComparison.Ordinal);
                Assert.StartsWith("line 4: invalid JSON", problems[1], StringComparison.Ordinal);
                Assert.StartsWith("line 6: invalid JSON", problems[2], StringComparison.Ordinal);
                Assert.StartsWith("line 7: invalid JSON", problems[3], StringComparison.Ordinal);
                Assert.Contains("line 8: record at byte", problems[4], StringComparison.Ordinal);
                Assert.Contains("nested deeper than 256 levels", problems[4], StringComparison.Ordinal);
                Assert.Contains("line 10: record at byte", problems[5], StringComparison.Ordinal);
                Assert.Contains("larger than", problems[5], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Should_Skip_Only_The_Bad_Record_When_A_Records_Document_Holds_One()
    {
        // Given: a scalar, a too-deep record and an oversized record inside one Records array
        string deep = "{\"eventName\":\"deep\",\"x\":" + new string('[', 300) + "1" + new string(']', 300) + "}";
        string big = "{\"eventName\":\"big\",\"x\":[" + string.Concat(Enumerable.Repeat("1,", 1500)) + "1]}";
        byte[] data = Encoding.UTF8.GetBytes(EventBuilder.RecordsFile([E1, "\"oops\"", deep, E2, big, E3]));

        foreach ((int chunk, int buffer) in Chunkings)
        {
            foreach (bool defer in new[] { false, true })
            {
                // When
                var (records, problems, error) = Read(data, chunk, buffer, defer, maxRecordBytes: 2048);

                // Then
                Assert.True(error is null, error);
                Same([E1, E2, E3], records, string.Join(" | ", problems));
                Assert.Equal(3, problems.Count);
                Assert.Contains("not an event object", problems[0], StringComparison.Ordinal);
                Assert.Contains("nested deeper", problems[1], StringComparison.Ordinal);
                Assert.Contains("larger than", problems[2], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Should_Report_Broken_Document_With_Its_Byte_Offset_And_Read_The_Next_Ones()
    {
        // Given: zcat of three files, the middle one cut inside a string (a truncated .gz decompresses to a prefix)
        string first = EventBuilder.RecordsFile([E1, E2]);
        string broken = EventBuilder.RecordsFile([E3, E1]);
        broken = broken[..(broken.Length - 30)];
        string last = EventBuilder.RecordsFile([E2, E3]);
        byte[] data = Encoding.UTF8.GetBytes(first + broken + last);

        foreach ((int chunk, int buffer) in Chunkings)
        {
            // When
            var (records, problems, error) = Read(data, chunk, buffer, defer: false);

            // Then: the broken document keeps its whole records, the next document is read whole
            Assert.True(error is null, error);
            Assert.Equal([E1, E2, E3, E2, E3], records);
            string problem = Assert.Single(problems);
            Assert.Contains("invalid JSON near byte", problem, StringComparison.Ordinal);
            Assert.Contains($"resumed at byte {first.Length + broken.Length}", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_Report_Truncation_When_The_Last_Document_Ends_Early()
    {
        // Given
        string doc = EventBuilder.RecordsFile([E1, E2]);
        byte[] data = Encoding.UTF8.GetBytes(doc + doc[..(doc.Length - 2)]);

        // When
        var (records, problems, _) = Read(data, 4096, 64, defer: false);

        // Then
        Same([E1, E2, E1, E2], records, string.Join(" | ", problems));
        Assert.Contains("unexpected end of data", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Read_In_Linear_Time_When_Input_Starts_With_Megabytes_Of_Blank_Lines()
    {
        // Given: 16 MiB of newlines (quadratic sniffing took about 3 s here, 52 s for 64 MiB), then one event
        byte[] blank = new byte[16 << 20];
        Array.Fill(blank, (byte)'\n');
        byte[] data = [.. blank, .. Encoding.UTF8.GetBytes(E1)];

        // When
        var clock = Stopwatch.StartNew();
        var (records, problems, error) = Read(data, 65536, 256 * 1024, defer: false);

        // Then: no "64 MiB record", the event is read, and the buffer never grew
        Assert.Null(error);
        Assert.Empty(problems);
        Assert.Equal([E1], records);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Should_Say_Empty_Input_When_Input_Is_Only_Whitespace_Of_Any_Length()
    {
        // Given
        byte[] blank = new byte[3 << 20];
        Array.Fill(blank, (byte)' ');

        // When
        var (_, _, error) = Read(blank, 65536, 256 * 1024, defer: false);

        // Then
        Assert.Equal("empty input: no JSON found", error);
    }

    [Fact]
    public void Should_Cap_Reported_Problems_When_Every_Line_Is_Bad()
    {
        // Given: 1,000 lines of garbage after one good event
        byte[] data = Encoding.UTF8.GetBytes(E1 + "\n" + string.Concat(Enumerable.Repeat("{oops\n", 1000)));

        // When
        var (records, problems, _) = Read(data, int.MaxValue, 256 * 1024, defer: false);

        // Then
        Assert.Equal([E1], records);
        Assert.Equal(101, problems.Count);
        Assert.Equal("900 more problems in this input not shown", problems[^1]);
    }

    [Fact]
    public void Should_Replace_Invalid_Utf8_With_U_Fffd_When_A_Record_Holds_It()
    {
        // Given: a lone continuation byte and a cut two-byte sequence inside strings
        byte[] data = Encoding.UTF8.GetBytes("{\"eventName\":\"A#B\",\"userAgent\":\"x#\"}\n" + E1 + "\n");
        data[Array.IndexOf(data, (byte)'#')] = 0x80;
        data[Array.IndexOf(data, (byte)'#')] = 0xC3;

        foreach ((int chunk, int buffer) in Chunkings)
        {
            foreach (bool defer in new[] { false, true })
            {
                // When
                var (records, problems, error) = Read(data, chunk, buffer, defer);

                // Then: what comes out is valid UTF-8 with U+FFFD where the bad bytes were, and the rest is untouched
                Assert.Null(error);
                Assert.Empty(problems);
                Assert.Equal(["{\"eventName\":\"A\uFFFDB\",\"userAgent\":\"x\uFFFD\"}", E1], records);
            }
        }
    }

    [Fact]
    public void Should_Replace_Lone_Surrogate_Escapes_And_Keep_Pairs_When_Strings_Hold_Them()
    {
        // Given: a lone high and a lone low surrogate (one in a key), a valid pair, and an escaped backslash before "ud800"
        string input = "{\"eventName\":\"a\\ud800b\",\"k\\udc00\":1,\"pair\":\"\\ud83d\\ude00\",\"literal\":\"\\\\ud800\"}";
        byte[] data = Encoding.UTF8.GetBytes(input + "\n");

        foreach (bool defer in new[] { false, true })
        {
            // When
            var (records, problems, error) = Read(data, 7, 64, defer);

            // Then
            Assert.Null(error);
            Assert.Empty(problems);
            Assert.Equal(["{\"eventName\":\"a\\ufffdb\",\"k\\ufffd\":1,\"pair\":\"\\ud83d\\ude00\",\"literal\":\"\\\\ud800\"}"], records);
        }
    }

    [Fact]
    public void Should_Not_Fail_When_A_Header_Object_Key_Holds_Invalid_Utf8_And_Escapes()
    {
        // Given: found by AFL++: a first object (no event key) whose escaped key holds invalid UTF-8
        byte[] data = [.. "{\"Ne\\\"x"u8, 0x89, .. "\":1}\n"u8, .. Encoding.UTF8.GetBytes(E1 + "\n")];

        // When
        var (records, _, error) = Read(data, int.MaxValue, 256, defer: false);

        // Then
        Assert.Null(error);
        Assert.Equal([E1], records);
    }

    /// <summary>Reads everything, collecting records (raw text), problems and a final error.</summary>
    [Theory]
    [InlineData("}{][,:")]
    [InlineData("\0")]
    [InlineData("hello")]
    [InlineData("\0\n\0\n  \n\0")]
    public void Should_Skip_The_First_Line_And_Read_The_Rest_When_Ndjson_Starts_With_A_Bad_Line(string firstLines)
    {
        // Given: NDJSON whose first line (or first few) is not JSON (found by the #12 campaign: the whole file was lost
        // as "not JSON")
        byte[] data = Encoding.UTF8.GetBytes(firstLines + "\n" + E1 + "\n" + E2 + "\n");

        foreach ((int chunk, int buffer) in Chunkings)
        {
            foreach (bool defer in new[] { false, true })
            {
                // When
                var (records, problems, error) = Read(data, chunk, buffer, defer);

                // Then: the bad line is reported with its line number, the rest is read
                string context = $"chunk {chunk} buffer {buffer} defer {defer}: {string.Join(" | ", problems)}";
                Assert.True(error is null, context + " / " + error);
                Same([E1, E2], records, context);
                Assert.NotEmpty(problems);
                Assert.StartsWith("line 1: invalid JSON near byte 0", problems[0], StringComparison.Ordinal);
                Assert.All(problems, p => Assert.StartsWith("line ", p, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData("hello\nworld\n")]
    [InlineData("PK\u0003\u0004 binary\n\u0001\u0002\n")]
    public void Should_Refuse_The_File_As_Not_Json_When_No_Line_After_The_First_Starts_An_Object(string input)
    {
        // Given / When
        var (records, _, error) = Read(Encoding.UTF8.GetBytes(input), int.MaxValue, 256 * 1024, defer: false);

        // Then
        Assert.Empty(records);
        Assert.NotNull(error);
        Assert.Contains("not JSON: starts with byte", error, StringComparison.Ordinal);
    }

    internal static (List<string> Records, List<string> Problems, string? Error) Read(byte[] data, int chunk, int buffer, bool defer,
        int maxRecordBytes = RecordReader.DefaultMaxRecordBytes, bool fastSplit = true)
    {
        var records = new List<string>();
        var problems = new List<string>();
        using var reader = new RecordReader(new ChunkedStream(data, chunk), buffer, maxRecordBytes) { DeferIndex = defer, FastSplit = fastSplit };
        using var record = new EventRecord();
        try
        {
            while (reader.TryRead(record))
            {
                Drain(reader, problems);
                records.Add(Encoding.UTF8.GetString(record.Utf8));
                _ = record.Root.GetProperty("eventName"u8); // the index (deferred or not) must be buildable
            }

            Drain(reader, problems);
            return (records, problems, null);
        }
        catch (RecordReadException e)
        {
            Drain(reader, problems);
            return (records, problems, e.Message);
        }
    }

    private static void Same(string[] expected, List<string> actual, string context) =>
        Assert.True(expected.SequenceEqual(actual), $"{actual.Count} records: {string.Join(" ; ", actual.Select(a => a.Length > 40 ? a[..40] : a))} -- {context}");

    private static void Drain(RecordReader reader, List<string> problems)
    {
        while (reader.TakeShapeError() is { } p)
        {
            problems.Add(p);
        }
    }
}
