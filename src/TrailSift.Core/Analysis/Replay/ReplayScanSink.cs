using TrailSift.Core.Events;

namespace TrailSift.Core.Analysis.Replay;

/// <summary>
/// <c>check</c>'s scan sink, so the input is read once (standard input included): every tagging call of the
/// trail goes to a <see cref="TagLedger"/> (selected or context), and the selected calls are kept as raw bytes
/// (<see cref="RetainedEvents"/>) to be replayed through a <see cref="CallChecker"/> once the ledger is complete.
/// Memory grows with the selected events' bytes (narrow with --principal, the filter or --since on big trails).
/// </summary>
/// <remarks>Not thread-safe: one per scan worker; merge the ledgers, freeze, then <see cref="Replay"/> each worker's calls.</remarks>
public sealed class ReplayScanSink : IContextSink, ISequencedSink
{
    /// <summary>The tagging facts this worker saw.</summary>
    public TagLedger Ledger { get; } = new();

    /// <summary>The selected calls this worker saw.</summary>
    public RetainedEvents Calls { get; } = new();

    /// <inheritdoc />
    public void BeginObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void EndObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        Ledger.Accept(record);
        Calls.Add(record);
    }

    /// <inheritdoc />
    public void AcceptContext(EventRecord record) => Ledger.Accept(record);

    /// <summary>
    /// Merges the workers' ledgers, freezes the result and replays every worker's calls (in parallel, one checker per
    /// worker) through checkers made by <paramref name="createChecker"/>; returns the merged, sorted checks.
    /// </summary>
    public static CallChecker Replay(IReadOnlyList<ReplayScanSink> sinks, Func<TagLedger, CallChecker> createChecker)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(createChecker);
        TagLedger ledger = sinks[0].Ledger;
        for (int i = 1; i < sinks.Count; i++)
        {
            ledger.Merge(sinks[i].Ledger);
        }

        ledger.Freeze();
        var checkers = new CallChecker[sinks.Count];
        Parallel.For(0, sinks.Count, i =>
        {
            checkers[i] = createChecker(ledger);
            sinks[i].Calls.Replay(checkers[i]);
        });
        for (int i = 1; i < checkers.Length; i++)
        {
            checkers[0].Merge(checkers[i]);
        }

        checkers[0].Sort();
        return checkers[0];
    }
}
