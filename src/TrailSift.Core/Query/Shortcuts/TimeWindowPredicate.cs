using TrailSift.Core.Events;

namespace TrailSift.Core.Query.Shortcuts;

/// <summary><c>--since</c>/<c>--until</c>: event time in [since, until). Events without a readable time are not selected.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class TimeWindowPredicate : IEventPredicate
{
    private readonly long _since;
    private readonly long _until;

    /// <summary>Creates the predicate; a null bound is open.</summary>
    public TimeWindowPredicate(DateTimeOffset? since, DateTimeOffset? until)
    {
        _since = since?.UtcTicks ?? long.MinValue;
        _until = until?.UtcTicks ?? long.MaxValue;
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record) => record.EventTimeTicks is long t && t >= _since && t < _until;
}
