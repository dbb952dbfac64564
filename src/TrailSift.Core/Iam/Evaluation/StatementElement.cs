namespace TrailSift.Core.Iam.Evaluation;

/// <summary>The element of a statement that decided it did not match (or could not be decided).</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum StatementElement
{
    /// <summary>Nothing failed: the statement matched.</summary>
    None,

    /// <summary><c>Resource</c> or <c>NotResource</c>.</summary>
    Resource,

    /// <summary><c>Principal</c> or <c>NotPrincipal</c> (or their absence in a resource-based policy).</summary>
    Principal,

    /// <summary><c>Condition</c>.</summary>
    Condition,
}
