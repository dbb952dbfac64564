using TrailSift.Core.Events;
using TrailSift.Core.Scan;

namespace TrailSift.Core.Commands;

/// <summary>
/// An analysis that accumulates: one sink per worker (<paramref name="create"/>), merged into the first
/// (<paramref name="merge"/>), then printed (<paramref name="print"/> returns the number of results written).
/// </summary>
/// <remarks>Immutable; the sinks it creates are not thread-safe (one per worker).</remarks>
public sealed class AccumulatingRun<TSink>(Func<TSink> create, Action<TSink, TSink> merge, Func<TSink, TextWriter, long> print, IEventPredicate? context = null)
    : AnalysisRun
    where TSink : IEventSink, ISequencedSink
{
    /// <inheritdoc />
    public override long Execute(IAnalysisHost host)
    {
        ScanResult<TSink> result = host.Scan(create, context);
        TSink total = result.Sinks[0];
        for (int i = 1; i < result.Sinks.Count; i++)
        {
            merge(total, result.Sinks[i]);
        }

        long written = 0;
        host.WriteText(writer => written = print(total, writer));
        return written;
    }
}
