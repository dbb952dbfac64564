using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Scan;

namespace TrailSift.Core.Commands;

/// <summary>
/// An analysis that prints as it scans: each worker's sink (<paramref name="create"/>) writes through its own
/// <see cref="OrderedWriter"/>, so the output keeps input order. The results are the selected events.
/// </summary>
/// <remarks>Immutable; the sinks it creates are not thread-safe (one per worker).</remarks>
public sealed class StreamingRun<TSink>(Func<OrderedWriter, TSink> create, IEventPredicate? context = null) : AnalysisRun
    where TSink : IEventSink, ISequencedSink
{
    /// <inheritdoc />
    public override long Execute(IAnalysisHost host)
    {
        var output = new OrderedOutput(host.Output);
        ScanResult<TSink> result = host.Scan(() => create(output.CreateWriter()), context);
        host.Flush(output);
        return result.Stats.Matches;
    }
}
