namespace TrailSift.Core.Iam.Policy;

/// <summary>The <c>Effect</c> of a policy statement. The JSON value is case-sensitive.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum Effect
{
    /// <summary><c>"Allow"</c>.</summary>
    Allow,

    /// <summary><c>"Deny"</c>.</summary>
    Deny,
}
