using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>A condition that did not match (or could not be decided): operator, key, policy values and request values.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Operator">The operator as written in the policy.</param>
/// <param name="Key">The condition key as written.</param>
/// <param name="PolicyValues">The policy values as written.</param>
/// <param name="RequestValues">The request's values for the key (empty when missing or unknown).</param>
/// <param name="Outcome">NotMatched or Undecidable.</param>
/// <param name="KeyMissing">True when the request has no value for the key.</param>
/// <param name="KeyUnknown">True when the key (or a variable the values use) was marked unknown.</param>
/// <param name="Note">Why, when the values alone do not say (unknown operator, multivalued key with a plain operator, …).</param>
public sealed record ConditionTrace(
    string Operator,
    string Key,
    ImmutableArray<string> PolicyValues,
    ImmutableArray<string> RequestValues,
    MatchOutcome Outcome,
    bool KeyMissing,
    bool KeyUnknown,
    string? Note);
