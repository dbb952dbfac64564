namespace TrailSift.Core.Analysis.Replay;

/// <summary>What replaying one recorded call against candidate policies found.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum CallVerdict
{
    /// <summary>Every permission the call needed is allowed.</summary>
    Allowed,

    /// <summary>Some permission would be denied, whatever the unknown keys are.</summary>
    Denied,

    /// <summary>No permission is surely denied, but some decision depends on what the trail cannot show (unknown keys,
    /// an unknown resource, another account's resource policy, an unmapped event).</summary>
    Undecidable,
}
