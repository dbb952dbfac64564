namespace TrailSift.Core.Iam.Evaluation;

/// <summary>Whether a statement or a condition matched the request.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum MatchOutcome
{
    /// <summary>It matched.</summary>
    Matched,

    /// <summary>It did not match.</summary>
    NotMatched,

    /// <summary>It depends on a context key the caller marked unknown.</summary>
    Undecidable,
}
