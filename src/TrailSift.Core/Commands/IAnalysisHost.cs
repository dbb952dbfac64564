using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Scan;

namespace TrailSift.Core.Commands;

/// <summary>
/// What the Cli's run skeleton offers an <see cref="AnalysisRun"/>: the scan of the user's inputs with the selection
/// they asked for, standard output, and the one flushing rule. Implemented by the Cli.
/// </summary>
public interface IAnalysisHost
{
    /// <summary>Scans with one sink per worker; <paramref name="context"/> names the events needed besides the selected ones.</summary>
    ScanResult<TSink> Scan<TSink>(Func<TSink> createSink, IEventPredicate? context)
        where TSink : IEventSink, ISequencedSink;

    /// <summary>Standard output (already wrapped into one JSON array for a <see cref="AnalysisFormat.JsonArray"/> format).</summary>
    Stream Output { get; }

    /// <summary>Writes text to standard output (UTF-8, <c>\n</c>) and flushes.</summary>
    void WriteText(Action<TextWriter> write);

    /// <summary>Flushes ordered output; rethrows the write failure it recorded.</summary>
    void Flush(OrderedOutput output);
}
