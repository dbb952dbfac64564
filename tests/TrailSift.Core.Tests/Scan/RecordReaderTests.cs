using System.Text;
using TrailSift.Core.Scan;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Scan;

public sealed class RecordReaderTests
{
    private static readonly string E1 = new EventBuilder("sqs.amazonaws.com", "CreateQueue").Json();
    private static readonly string E2 = new EventBuilder("ec2.amazonaws.com", "RunInstances").Error("Client.UnauthorizedOperation", "You are not \"authorized\"").Json();
    private static readonly string E3 = new EventBuilder("s3.amazonaws.com", "GetObject").With("requestParameters", System.Text.Json.Nodes.JsonNode.Parse("{\"bucketName\":\"b\",\"key\":\"a/\\u00e9\"}")).Json();

    public static TheoryData<string, string, int> Shapes => new()
    {
        { "records wrapper", EventBuilder.RecordsFile([E1, E2, E3]), 3 },
        { "records wrapper pretty", "{\n  \"Records\" : [\n" + E1 + ",\n   " + E2 + "\n]\n}\n", 2 },
        { "bare array", "[" + E1 + "," + E2 + "," + E3 + "]", 3 },
        { "ndjson", E1 + "\n" + E2 + "\n" + E3 + "\n", 3 },
        { "ndjson without final newline", E1 + "\n" + E2, 2 },
        { "single event", E1, 1 },
        { "bom and whitespace", "\uFEFF \n " + EventBuilder.RecordsFile([E1]) + "\n\n", 1 },
        { "empty records", "{\"Records\":[]}", 0 },
        { "wrapper with other keys", "{\"Records\":[" + E1 + "],\"extra\":{\"a\":[1,2,{\"b\":3}]}}", 1 },
        { "lookup-events", LookupEvents(E1, E2), 2 },
        { "concatenated documents", EventBuilder.RecordsFile([E1, E2]) + EventBuilder.RecordsFile([E3]), 3 },
        { "newline-separated documents", EventBuilder.RecordsFile([E1]) + "\n" + EventBuilder.RecordsFile([E2, E3]) + "\n", 3 },
        { "documents, arrays and events mixed", EventBuilder.RecordsFile([E1]) + "[" + E2 + "]\n" + E3 + "\n", 3 },
        { "wrapper with a key before Records", "{\"foo\":1,\"bar\":{\"Records\":[1]},\"Records\":[" + E1 + "," + E2 + "]}", 2 },
        { "lookup-events with NextToken first", LookupEvents(E1, E2).Replace("{\"Events\":", "{\"NextToken\":\"t\",\"Events\":", StringComparison.Ordinal), 2 },
        { "ndjson with a header line", "{\"format\":\"export\",\"version\":2}\n" + E1 + "\n" + E2 + "\n", 2 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Should_Read_Every_Record_When_Input_Has_Supported_Shape(string name, string input, int expected)
    {
        // Given / When
        var (records, error, _) = ScanHelpers.ReadAll(Encoding.UTF8.GetBytes(input));

        // Then
        Assert.True(error is null, $"{name}: {error}");
        Assert.Equal(expected, records.Count);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Should_Give_Same_Records_When_Stream_Is_Split_At_Every_Offset(string name, string input, int expected)
    {
        // Given
        byte[] data = Encoding.UTF8.GetBytes(input);
        var (baseline, _, _) = ScanHelpers.ReadAll(data);

        // When / Then: one byte per read with a tiny buffer that must shift and grow, and a few other chunkings
        foreach ((int chunk, int buffer) in new[] { (1, 16), (7, 16), (64, 32), (4096, 16), (3, 1024) })
        {
            var (records, error, _) = ScanHelpers.ReadAll(data, chunk, buffer);
            Assert.True(error is null, $"{name} chunk {chunk}: {error}");
            Assert.Equal(baseline, records);
        }

        Assert.Equal(expected, baseline.Count);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Should_Give_Same_Records_And_Index_When_Indexing_Is_Deferred(string name, string input, int expected)
    {
        // Given
        byte[] data = Encoding.UTF8.GetBytes(input);
        var (baseline, _, _) = ScanHelpers.ReadAll(data);

        // When / Then: whole buffers (records skipped in one call) and chunkings that split records across reads
        foreach ((int chunk, int buffer) in new[] { (int.MaxValue, 256 * 1024), (1, 16), (7, 16), (64, 32), (3, 1024) })
        {
            var (records, error, _) = ScanHelpers.ReadAll(data, chunk, buffer, deferIndex: true);
            Assert.True(error is null, $"{name} chunk {chunk}: {error}");
            Assert.Equal(baseline, records);
        }

        Assert.Equal(expected, baseline.Count);
    }

    [Theory]
    [InlineData("{\"Records\":[{\"eventName\":\"A\" \"x\":1}]}", "invalid JSON")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\"},{\"eventName\": tru}]}", "invalid JSON")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\"},", "unexpected end of data")]
    public void Should_Still_Report_Broken_Json_When_Indexing_Is_Deferred(string input, string reason)
    {
        // Given / When
        var (_, error, _) = ScanHelpers.ReadAll(Encoding.UTF8.GetBytes(input), deferIndex: true);

        // Then: a record skipped unindexed is still validated
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Unescape_Lookup_Events_Into_Plain_Records()
    {
        // Given
        byte[] data = Encoding.UTF8.GetBytes(LookupEvents(E2));

        // When
        var (records, error, format) = ScanHelpers.ReadAll(data);

        // Then
        Assert.Null(error);
        Assert.Equal(InputFormat.LookupEvents, format);
        Assert.Equal(System.Text.Json.JsonDocument.Parse(E2).RootElement.GetProperty("eventName").GetString(),
            System.Text.Json.JsonDocument.Parse(records[0].Split(" => ")[0]).RootElement.GetProperty("eventName").GetString());
    }

    [Fact]
    public void Should_Skip_Digest_File_Without_Error()
    {
        // Given
        string digest = "{\"awsAccountId\":\"123456789012\",\"digestStartTime\":\"2024-05-01T10:00:00Z\",\"digestEndTime\":\"2024-05-01T11:00:00Z\",\"digestS3Bucket\":\"b\",\"digestPublicKeyFingerprint\":\"abc\",\"logFiles\":[]}";

        // When
        var (records, error, format) = ScanHelpers.ReadAll(Encoding.UTF8.GetBytes(digest));

        // Then
        Assert.Null(error);
        Assert.Empty(records);
        Assert.Equal(InputFormat.Digest, format);
    }

    [Theory]
    [InlineData("", "empty input")]
    [InlineData("   \n", "empty input")]
    [InlineData("{\"foo\":1}", "not a CloudTrail log")]
    [InlineData("\"just a string\"", "not an event object")]
    [InlineData("hello", "not JSON")]
    [InlineData("{\"Records\":{}}", "not an array")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\"},", "unexpected end of data")]
    [InlineData("{\"Records\":[{\"eventName\":\"A\" \"x\":1}]}", "invalid JSON")]
    [InlineData("{\"Records\":[]} trailing", "invalid JSON")]
    [InlineData("{\"Records\":[]} {}", "has no eventName, eventSource, eventTime or Records; skipped")]
    [InlineData("{\"eventName\":\"A\"}\n[1]", "not an event object")]
    public void Should_Report_Reason_When_Input_Is_Bad(string input, string reason)
    {
        // Given / When
        var (_, error, _) = ScanHelpers.ReadAll(Encoding.UTF8.GetBytes(input));

        // Then
        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Keep_Events_Before_Fault_When_Json_Breaks_Midway()
    {
        // Given
        string input = "{\"Records\":[" + E1 + "," + E2 + ",{\"eventName\": tru}]}";

        // When
        var (records, error, _) = ScanHelpers.ReadAll(Encoding.UTF8.GetBytes(input));

        // Then
        Assert.Equal(2, records.Count);
        Assert.Contains("invalid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Skip_And_Report_Element_When_Record_Is_Not_An_Object()
    {
        // Given
        string input = "{\"Records\":[" + E1 + ",\"oops\",[1,[2]]," + E2 + "]}";
        var problems = new List<string>();

        // When
        var (events, reported) = ScanHelpers.ScanBytes(Encoding.UTF8.GetBytes(input));

        // Then
        Assert.Equal(2, events.Count);
        Assert.Equal(2, reported.Count);
        Assert.All(reported, r => Assert.Contains("not an event object", r, StringComparison.Ordinal));
    }

    internal static string LookupEvents(params string[] events)
    {
        var sb = new StringBuilder("{\"Events\":[");
        for (int i = 0; i < events.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append("{\"EventId\":\"x\",\"EventName\":\"n\",\"Resources\":[],\"CloudTrailEvent\":")
              .Append(System.Text.Json.JsonSerializer.Serialize(events[i])).Append('}');
        }

        return sb.Append("],\"NextToken\":\"abc\"}").ToString();
    }
}
