namespace TrailSift.Core.Analysis.Denied;

/// <summary>The kind of <see cref="DeniedHint"/>; wire names in JSON are kebab-case (<c>tags-after-creation</c>).</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum DeniedHintKind
{
    /// <summary>Resources of this create call are tagged later in a separate call, so <c>aws:RequestTag</c> conditions cannot match at creation.</summary>
    TagsAfterCreation,

    /// <summary>The same call on the same resource succeeded after the last denial.</summary>
    FixedSince,

    /// <summary>The same call by the same principal succeeded after the last denial on other (or unknown) resources.</summary>
    SucceededLater,
}
