using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Tests.Json;

/// <summary>
/// An event record looks its root fields up through a table of their names (<see cref="RootNames"/>); every lookup
/// answers as the walk over the root does (the oracle: the same text read without a table), whatever the root holds.
/// </summary>
public sealed class RootNamesTests
{
    private static readonly string[] Asked =
    [
        "eventName", "eventSource", "eventTime", "eventID", "awsRegion", "requestParameters", "responseElements",
        "userIdentity", "errorCode", "managementEvent", "eventCategory", "a", "", "ab", "ba", "dup", "é", "a\"b",
        "missing", "eventNamf", "eventNam", "k0", "k1023", "k1024", "k1025", "x",
    ];

    [Theory]
    [InlineData("""{"eventName":"GetObject","eventSource":"s3.amazonaws.com","awsRegion":"eu-west-1","eventID":"1","requestParameters":{"eventName":"inner"},"responseElements":null}""")]
    [InlineData("""{"dup":1,"a":2,"dup":3,"ab":4,"ba":5,"dup":{"x":6}}""")]
    [InlineData("""{"":1,"a":2,"é":3,"eventName":"x","eventNamf":"y","eventNam":"z"}""")]
    [InlineData("""{"a\"b":1,"eventName":"x","\u0065ventName":"escaped, later"}""")]
    [InlineData("""{"eventName":"x","a\"b":1}""")]
    [InlineData("""{}""")]
    [InlineData("""[{"eventName":"x"}]""")]
    [InlineData("\"eventName\"")]
    public void Should_Find_What_The_Walk_Finds_When_The_Root_Has_Any_Shape(string text)
    {
        AssertSameLookups(text);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(RootNames.MaxNames)]
    [InlineData(RootNames.MaxNames + 1)]
    public void Should_Find_What_The_Walk_Finds_When_The_Root_Has_Many_Names(int names)
    {
        var text = new StringBuilder("{");
        for (int i = 0; i < names; i++)
        {
            text.Append(i == 0 ? "" : ",").Append("\"k").Append(i).Append("\":").Append(i);
        }

        AssertSameLookups(text.Append(",\"k1\":\"again\"}").ToString());
    }

    [Fact]
    public void Should_Read_The_New_Root_When_A_Record_Is_Reused()
    {
        // Given one record instance loaded with one text and read, then with another
        using var record = new EventRecord();
        byte[] first = """{"eventName":"First","awsRegion":"r1"}"""u8.ToArray();
        byte[] second = """{"awsRegion":"r2","other":1,"eventName":"Second"}"""u8.ToArray();
        record.Load(first, 0, first.Length);
        _ = record.Root.GetProperty("awsRegion"u8);
        _ = record.Root.GetProperty("eventName"u8);

        // When the second is loaded and read twice
        record.Load(second, 0, second.Length);
        string? a = record.Root.GetProperty("awsRegion"u8).ToString();
        string? b = record.Root.GetProperty("eventName"u8).ToString();

        // Then both are the second text's
        Assert.Equal("r2", a);
        Assert.Equal("Second", b);
    }

    [Fact]
    public void Should_Read_Each_Root_When_A_Reused_Record_Alternates_Large_And_Small_Roots()
    {
        // Given one record loaded in turn with a root of 100 names and one of 3 (a table sized for the large one,
        // then used from its start for the small one)
        using var record = new EventRecord();
        var large = new StringBuilder("{");
        for (int i = 0; i < 100; i++)
        {
            large.Append('"').Append('k').Append(i).Append("\":").Append(i).Append(',');
        }

        byte[] big = Encoding.UTF8.GetBytes(large.Append("\"eventName\":\"Big\"}").ToString());
        byte[] small = """{"k7":"small","eventName":"Small","k99":1}"""u8.ToArray();
        for (int round = 0; round < 3; round++)
        {
            // When each is loaded and its fields read twice over
            record.Load(big, 0, big.Length);
            Assert.Equal("Big", record.Root.GetProperty("eventName"u8).ToString());
            Assert.Equal("99", record.Root.GetProperty("k99"u8).ToString());
            Assert.Equal("7", record.Root.GetProperty("k7"u8).ToString());
            record.Load(small, 0, small.Length);
            Assert.Equal("Small", record.Root.GetProperty("eventName"u8).ToString());
            Assert.Equal("small", record.Root.GetProperty("k7"u8).ToString());
            Assert.Equal("1", record.Root.GetProperty("k99"u8).ToString());

            // Then each answers from its own root
            Assert.Equal(JsonKind.Undefined, record.Root.GetProperty("k50"u8).Kind);
        }
    }

    [Fact]
    public void Should_Answer_As_A_Walk_When_A_Reused_Record_Alternates_Single_And_Repeated_Lookups()
    {
        // Given one record loaded in turn with texts read once (walked), twice or more (tabled, then tabled on the first
        // lookup of the next text), including a repeated name and an escaped one
        using var record = new EventRecord();
        string[] texts =
        [
            """{"eventName":"A","awsRegion":"r1","eventName":"A2"}""",
            """{"awsRegion":"r2","other":1,"eventName":"B"}""",
            """{"k":1,"event\u004eame":"C","awsRegion":"r3"}""",
            """{"eventName":"D"}""",
            """[1,2]""",
            """{"awsRegion":"r5","eventName":"E","eventName":"E2"}""",
        ];
        int[] reads = [2, 1, 3, 2, 2, 1, 1, 4, 2];
        for (int i = 0; i < reads.Length; i++)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(texts[i % texts.Length]);
            using IndexedJson? plain = StrictJsonReader.Read(utf8, out string? error, out _);
            Assert.Null(error);
            Assert.NotNull(plain);

            // When that many root lookups are made of it
            record.Load(utf8, 0, utf8.Length);
            for (int r = 0; r < reads[i]; r++)
            {
                string name = ((string[])["eventName", "awsRegion", "missing"])[r % 3];
                JsonNode tabled = record.Root.GetProperty(name);
                JsonNode walked = plain.Root.GetProperty(name);

                // Then each answer is the walk's
                Assert.True(tabled.Kind == walked.Kind && tabled.Offset == walked.Offset, $"{name} (text {i}, lookup {r})");
            }
        }
    }

    // Every name asked twice of an event record (the first lookup walks, later ones use the table) answers as a plain
    // indexed text does: the same token, or absent.
    private static void AssertSameLookups(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        using EventRecord record = EventRecord.Parse(utf8);
        using IndexedJson? plain = StrictJsonReader.Read(utf8, out string? error, out _);
        Assert.Null(error);
        Assert.NotNull(plain);
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (string name in Asked)
            {
                JsonNode tabled = record.Root.GetProperty(name);
                JsonNode walked = plain.Root.GetProperty(name);
                Assert.True(tabled.Kind == walked.Kind && tabled.Offset == walked.Offset, $"{name} (pass {pass})");
            }
        }
    }
}
