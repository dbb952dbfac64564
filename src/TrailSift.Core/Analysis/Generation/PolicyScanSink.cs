using TrailSift.Core.Events;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// <c>policy</c>'s scan sink: the selected events feed a <see cref="PolicyEvidenceCollector"/>; the data events
/// of the whole input (selected or not) are counted as context (<see cref="ContextEvents"/>), so a policy can
/// say whether the input could show data-plane use at all. One pass; the rest of the trail stays unparsed.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker; combine with <see cref="Merge"/>.</remarks>
public sealed class PolicyScanSink : IContextSink, ISequencedSink
{
    /// <summary>Creates the sink around a collector.</summary>
    public PolicyScanSink(PolicyEvidenceCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        Collector = collector;
    }

    /// <summary>The events the policy needs besides the selected ones: data events (a raw-byte prefilter, then the parsed test).</summary>
    public static IEventPredicate ContextEvents { get; } = new DataEventPredicate();

    /// <summary>The evidence of the selected calls.</summary>
    public PolicyEvidenceCollector Collector { get; }

    /// <summary>Data events among every event read (selected or not).</summary>
    public long DataEvents { get; private set; }

    /// <inheritdoc />
    public void BeginObject(int sequence, string path) => Collector.BeginObject(sequence, path);

    /// <inheritdoc />
    public void EndObject(int sequence, string path) => Collector.EndObject(sequence, path);

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        if (TrailSift.Core.Events.DataEvents.IsDataEvent(record))
        {
            DataEvents++;
        }

        Collector.Accept(record);
    }

    /// <inheritdoc />
    public void AcceptContext(EventRecord record) => DataEvents++;

    /// <summary>Adds another worker's evidence and counts.</summary>
    public void Merge(PolicyScanSink other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Collector.Merge(other.Collector);
        DataEvents += other.DataEvents;
    }

    private sealed class DataEventPredicate : IEventPredicate
    {
        public bool HasPrefilter => true;

        public bool MayMatch(ReadOnlySpan<byte> utf8) => TrailSift.Core.Events.DataEvents.MayBeDataEvent(utf8);

        public bool Matches(EventRecord record) => TrailSift.Core.Events.DataEvents.IsDataEvent(record);
    }
}
