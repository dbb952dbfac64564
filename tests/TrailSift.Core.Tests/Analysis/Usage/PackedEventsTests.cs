using System.Text;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>The deferred calls of <c>unused</c> are kept compressed and come back byte for byte, in order.</summary>
public sealed class PackedEventsTests
{
    private static string Event(int i, int padding) =>
        $$$"""{"eventVersion":"1.08","eventID":"e-{{{i:D6}}}","eventName":"TerminateInstances","awsRegion":"us-east-1","requestParameters":{"note":"{{{new string((char)('a' + (i % 26)), padding)}}}","n":{{{i}}}}}""";

    [Fact]
    public void Should_Drain_Every_Record_Byte_For_Byte_In_Order_And_Release_The_Chunks_When_Chunks_Fill_And_A_Record_Exceeds_A_Chunk()
    {
        // Given: 6,000 records of varied size (several 1 MiB chunks), one of 1.5 MiB in the middle, a last partial chunk
        var added = new List<string>();
        var packed = new PackedEvents();
        for (int i = 0; i < 6000; i++)
        {
            string json = Event(i, i == 3000 ? 3 << 19 : 50 + (i * 37 % 700));
            added.Add(json);
            using var record = EventRecord.Parse(json);
            packed.Add(record);
        }

        // When: the bytes held are noted as each record comes back
        var replayed = new List<string>();
        var held = new List<long>();
        packed.Drain(new Collect(replayed, () => held.Add(packed.HeldBytes)));

        // Then: the same bytes, in the same order; fewer bytes held than added, fewer as chunks are drained, none at the end
        Assert.Equal(added.Count, packed.Count);
        Assert.Equal(added, replayed);
        Assert.Equal(added.Sum(static a => (long)Encoding.UTF8.GetByteCount(a)), packed.Bytes);
        Assert.True(held[0] < packed.Bytes / 4, $"{held[0]} bytes held for {packed.Bytes}");
        Assert.True(held[^1] < held[0], $"{held[^1]} bytes held at the last record, {held[0]} at the first");
        Assert.Equal(0, packed.HeldBytes);
    }

    [Fact]
    public void Should_Index_Each_Drained_Record_As_The_Json_Reader_Does_When_Records_Have_Escapes_Nesting_And_Odd_Forms()
    {
        // Given: records the fast scan indexes (escapes, nesting, odd numbers, inner whitespace) and records it leaves to
        // the reader (whitespace around the object: the scan's length is not the record's)
        string[] records =
        [
            Event(1, 20),
            """{"eventName":"Put\u0041bject","requestParameters":{"key":"a\"b\\c\/d","tags":[{"k":"é","v":null},true,false,-1.5e3,[]]},"x":{}}""",
            """{ "eventName" : "DescribeInstances" , "n" : [ 1 , 2 , { "m" : 0.25 } ] }""",
            """{"n":1E+400,"m":-0,"deep":""" + new string('[', 250) + new string(']', 250) + """}""",
            """{"s":"\ud83d\ude00 😀","e":""}""",
            """{"eventName":"TrailingBlanks","n":1}  """,
            """ {"eventName":"LeadingBlank"}""",
        ];
        Assert.Equal(2, records.Count(static r => PlainObjectScanner.Scan(Encoding.UTF8.GetBytes(r)) != Encoding.UTF8.GetByteCount(r)));
        var packed = new PackedEvents();
        foreach (string json in records)
        {
            using var record = EventRecord.Parse(json);
            packed.Add(record);
        }

        Assert.Equal(records.Sum(static r => (long)Encoding.UTF8.GetByteCount(r)), packed.Bytes); // the blanks are kept: the reader indexes those two

        // When
        var indexes = new List<JsonToken[]>();
        packed.Drain(new Tokens(indexes));

        // Then: token for token, the index EventRecord.Parse (the JSON reader) makes
        Assert.Equal(records.Length, indexes.Count);
        for (int r = 0; r < records.Length; r++)
        {
            using var expected = EventRecord.Parse(records[r]);
            Assert.Equal(Enumerable.Range(0, expected.Index.Count).Select(t => expected.Index[t]), indexes[r]);
        }
    }

    [Fact]
    public void Should_Drain_Nothing_When_Nothing_Was_Added()
    {
        var replayed = new List<string>();
        new PackedEvents().Drain(new Collect(replayed));
        Assert.Empty(replayed);
    }

    private sealed class Tokens(List<JsonToken[]> into) : IEventSink
    {
        public void Accept(EventRecord record) => into.Add([.. Enumerable.Range(0, record.Index.Count).Select(t => record.Index[t])]);
    }

    private sealed class Collect(List<string> into, Action? onEach = null) : IEventSink
    {
        public void Accept(EventRecord record)
        {
            into.Add(Encoding.UTF8.GetString(record.Utf8));
            onEach?.Invoke();
        }
    }
}
