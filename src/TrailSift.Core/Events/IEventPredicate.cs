namespace TrailSift.Core.Events;

/// <summary>The matcher seam: decides whether an event is selected. Scan knows only this interface.</summary>
/// <remarks>
/// Implementations must be safe to call from several scan workers at once (keep no mutable state,
/// or create one instance per worker through <see cref="ForWorker"/>).
/// </remarks>
public interface IEventPredicate
{
    /// <summary>True when the event is selected.</summary>
    bool Matches(EventRecord record);

    /// <summary>
    /// A cheap test on the raw bytes: false means <see cref="Matches"/> is certainly false, so the
    /// scanner may skip building anything else for the record. True means "evaluate".
    /// </summary>
    bool MayMatch(ReadOnlySpan<byte> utf8) => true;

    /// <summary>
    /// True when <see cref="MayMatch"/> actually rejects records, so the scanner may defer indexing each record
    /// until it passes (otherwise deferring would only tokenize every record twice).
    /// </summary>
    bool HasPrefilter => false;

    /// <summary>Returns an instance for one worker (the same one when the predicate is stateless).</summary>
    IEventPredicate ForWorker() => this;
}
