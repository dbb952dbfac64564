namespace TrailSift.Core.Events;

/// <summary>Matches every event: the context of an analysis that must see the whole trail (<c>denied</c>'s hints).</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public sealed class EveryEventPredicate : IEventPredicate
{
    private EveryEventPredicate()
    {
    }

    /// <summary>The one instance.</summary>
    public static EveryEventPredicate Instance { get; } = new();

    /// <inheritdoc />
    public bool Matches(EventRecord record) => true;
}
