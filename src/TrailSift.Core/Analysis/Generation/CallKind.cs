namespace TrailSift.Core.Analysis.Generation;

/// <summary>How a call counts for policy generation.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum CallKind
{
    /// <summary>The call maps to catalog permissions.</summary>
    Mapped,

    /// <summary>No catalog permission is known for the call: it is listed by name, never dropped silently.</summary>
    Unmapped,

    /// <summary>The call needs no permission, or the event is not an API call.</summary>
    NoPermission,
}
