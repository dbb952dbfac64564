namespace TrailSift.Core.Iam.Evaluation;

/// <summary>The outcome of evaluating a request against a policy set.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum Decision
{
    /// <summary>No applicable allow (or a guardrail without an allow): denied by default.</summary>
    ImplicitlyDenied,

    /// <summary>Allowed.</summary>
    Allowed,

    /// <summary>A matching <c>Deny</c> statement.</summary>
    ExplicitlyDenied,
}
