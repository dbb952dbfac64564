namespace TrailSift.Core.Query;

/// <summary>The result of <see cref="EventFilter.Parse"/>: a filter, or the message that explains why it was refused.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class EventFilterParseResult
{
    private EventFilterParseResult(EventFilter? filter, string? error)
    {
        Filter = filter;
        Error = error;
    }

    /// <summary>True when the filter parsed.</summary>
    public bool Success => Filter is not null;

    /// <summary>The filter, when <see cref="Success"/>.</summary>
    public EventFilter? Filter { get; }

    /// <summary>The problem (may span lines: the filter and a caret), when not <see cref="Success"/>.</summary>
    public string? Error { get; }

    internal static EventFilterParseResult Ok(EventFilter filter) => new(filter, null);

    internal static EventFilterParseResult Fail(string error) => new(null, error);
}
