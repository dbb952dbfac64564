namespace TrailSift.Core.Analysis.Denied;

/// <summary>What the events around a denial explain, with the related events.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DeniedHint
{
    /// <summary>The kind of hint.</summary>
    public DeniedHintKind Kind { get; init; }

    /// <summary>One or two sentences for the reader.</summary>
    public required string Text { get; init; }

    /// <summary>Tag keys applied after creation, for <see cref="DeniedHintKind.TagsAfterCreation"/>; ordinal order.</summary>
    public IReadOnlyList<string> TagKeys { get; init; } = [];

    /// <summary>The related events, the one the text names first (at most 50).</summary>
    public required IReadOnlyList<RelatedEvent> Events { get; init; }
}
