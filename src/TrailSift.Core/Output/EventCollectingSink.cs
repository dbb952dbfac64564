using TrailSift.Core.Events;

namespace TrailSift.Core.Output;

/// <summary>Keeps copies of selected events for <c>--sort time</c>; memory grows with the matches, not the input.</summary>
/// <remarks>Not thread-safe: one per scan worker.</remarks>
public sealed class EventCollectingSink : IEventSink, ISequencedSink
{
    private readonly List<CollectedEvent> _events = [];
    private int _sequence;

    /// <inheritdoc />
    public void BeginObject(int sequence, string path) => _sequence = sequence;

    /// <inheritdoc />
    public void EndObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void Accept(EventRecord record) =>
        _events.Add(new CollectedEvent(_sequence, record.Ordinal, record.EventTimeTicks ?? long.MinValue, record.SourcePath, record.Utf8.ToArray()));

    /// <summary>All events of all workers ordered by event time, ties in input order.</summary>
    public static List<CollectedEvent> MergeByTime(IEnumerable<EventCollectingSink> sinks)
    {
        var all = new List<CollectedEvent>();
        foreach (EventCollectingSink s in sinks)
        {
            all.AddRange(s._events);
        }

        all.Sort((a, b) =>
        {
            int c = a.TimeTicks.CompareTo(b.TimeTicks);
            if (c == 0)
            {
                c = a.Sequence.CompareTo(b.Sequence);
            }

            return c != 0 ? c : a.Ordinal.CompareTo(b.Ordinal);
        });
        return all;
    }
}

/// <summary>A copied event.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CollectedEvent(int Sequence, long Ordinal, long TimeTicks, string SourcePath, byte[] Utf8);
