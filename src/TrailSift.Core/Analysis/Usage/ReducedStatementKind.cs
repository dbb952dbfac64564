namespace TrailSift.Core.Analysis.Usage;

/// <summary>Why a statement is in the reduced policy.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum ReducedStatementKind
{
    /// <summary>Observed calls needed it: the generator's least-privilege statement within today's grant.</summary>
    Observed,

    /// <summary>Kept unchanged because CloudTrail cannot show whether it is used.</summary>
    NotVisible,

    /// <summary>Kept unchanged because the input does not cover its account or regions.</summary>
    NoData,

    /// <summary>Kept unchanged because Access Advisor saw the action attempted.</summary>
    AccessAdvisor,

    /// <summary>A Deny statement of the current policies, kept as is.</summary>
    Deny,
}
