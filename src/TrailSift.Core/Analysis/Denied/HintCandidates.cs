namespace TrailSift.Core.Analysis.Denied;

/// <summary>A successful tagging call: who, when, which resources, which keys.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed record TaggingCall(string Principal, string? InvokedBy, long Ticks, string EventId, string EventName,
    string EventSource, string[] Resources, string[] TagKeys);

/// <summary>A successful create call made without tags, and the ids it returned.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed record CreationCall(long Ticks, string EventId, string[] Created);

/// <summary>The key of a create call: principal, event source and event name.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal readonly record struct CallKey(string Principal, string EventSource, string EventName);

/// <summary>The key of successful calls: the call and the resource (null when the event does not tell).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal readonly record struct SuccessKey(CallKey Call, string? Resource);

/// <summary>First and last success of a <see cref="SuccessKey"/>, with their event ids.</summary>
/// <remarks>Mutable; not thread-safe.</remarks>
internal sealed class SuccessStats
{
    public long Count { get; private set; }

    public long FirstTicks { get; private set; } = long.MaxValue;

    public string FirstId { get; private set; } = string.Empty;

    public long LastTicks { get; private set; } = long.MinValue;

    public string LastId { get; private set; } = string.Empty;

    public void Add(long ticks, string id, long count = 1)
    {
        Count += count;
        if (ticks < FirstTicks || (ticks == FirstTicks && string.CompareOrdinal(id, FirstId) < 0))
        {
            FirstTicks = ticks;
            FirstId = id;
        }

        if (ticks > LastTicks || (ticks == LastTicks && string.CompareOrdinal(id, LastId) > 0))
        {
            LastTicks = ticks;
            LastId = id;
        }
    }

    public void Merge(SuccessStats other)
    {
        Add(other.FirstTicks, other.FirstId, other.Count);
        Add(other.LastTicks, other.LastId, 0);
    }
}
