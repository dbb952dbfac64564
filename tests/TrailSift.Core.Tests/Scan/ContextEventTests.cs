using TrailSift.Core.Events;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Scan;

/// <summary>One pass hands an analysis its selected events and, apart, the context events it asked for.</summary>
public sealed class ContextEventTests
{
    private sealed class Marking : IContextSink, ISequencedSink
    {
        public List<string> Selected { get; } = [];

        public List<string> Context { get; } = [];

        public void BeginObject(int sequence, string path)
        {
        }

        public void EndObject(int sequence, string path)
        {
        }

        public void Accept(EventRecord record) => Selected.Add(record.EventName.GetString());

        public void AcceptContext(EventRecord record) => Context.Add(record.EventName.GetString());
    }

    private static List<LogObject> Objects(params string[] names)
    {
        var objects = new List<LogObject>();
        for (int i = 0; i < names.Length; i++)
        {
            byte[] body = System.Text.Encoding.UTF8.GetBytes(EventBuilder.RecordsFile([new EventBuilder("s3.amazonaws.com", names[i]).Json()]));
            objects.Add(new LogObject($"f{i}.json", body.Length, () => new MemoryStream(body)));
        }

        return objects;
    }

    [Fact]
    public void Should_Mark_Selected_And_Context_Events_When_The_Analysis_Asks_For_Context()
    {
        // Given: the user selects A; the analysis wants every Tag* call as context
        List<LogObject> objects = Objects("A", "TagResource", "B", "A", "TagQueue");
        var selection = new FieldValuePredicate(static r => r.EventName, ["A", "TagQueue"], TextMatch.EqualsIgnoreCase);
        var context = new FieldValuePredicate(static r => r.EventName, ["TagResource", "TagQueue"], TextMatch.EqualsIgnoreCase);

        // When
        var result = new ParallelScanner { Threads = 1, Context = context }.Run(objects, selection, () => new Marking(), new ScanHelpers.ListReporter());

        // Then: an event both selected and wanted as context is handed over once, as selected
        Marking sink = Assert.Single(result.Sinks);
        Assert.Equal(["A", "A", "TagQueue"], sink.Selected);
        Assert.Equal(["TagResource"], sink.Context);
        Assert.Equal(3, result.Stats.Matches);
        Assert.Equal(5, result.Stats.Events);
    }

    [Fact]
    public void Should_Never_Hand_Context_When_The_Analysis_Asks_For_None()
    {
        List<LogObject> objects = Objects("A", "B", "C");
        var selection = new FieldValuePredicate(static r => r.EventName, ["B"], TextMatch.EqualsIgnoreCase);

        var result = new ParallelScanner { Threads = 2 }.Run(objects, selection, () => new Marking(), new ScanHelpers.ListReporter());

        Assert.Equal(["B"], result.Sinks.SelectMany(s => s.Selected));
        Assert.Empty(result.Sinks.SelectMany(s => s.Context));
    }
}
