using System.Collections.Immutable;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Replay;

// From an evaluation result to a verdict, a one-line reason and the later tagging call.
public sealed partial class CallChecker
{
    // onSome: for a resource pattern (the call acted on one resource of it, which the event does not show) that
    // "every" did not surely allow, the evaluation under "any".
    private CallCheck Classify(CallCheck head, ReplayContext context, RequiredPermission permission, EvaluationResult result,
        EvaluationResult? onSome)
    {
        CallCheck check = head with
        {
            Action = permission.Action,
            Resource = permission.Resource,
            Result = result,
            UnknownKeys = result.UnknownKeys,
            MissingKeys = MissingKeys(result),
        };
        bool canAllow = result.PossibleDecisions.Contains(Decision.Allowed);
        if (result.IsDecidable && result.Decision == Decision.Allowed)
        {
            return check with { Verdict = CallVerdict.Allowed, Decision = "Allowed", Reason = EvaluationResultWriter.Describe(result) };
        }

        if (canAllow)
        {
            return check with
            {
                Verdict = CallVerdict.Undecidable,
                Decision = "Undecidable",
                Reason = $"depends on keys the trail cannot show: {string.Join(", ", result.UnknownKeys)}",
            };
        }

        if (onSome is not null)
        {
            if (onSome.PossibleDecisions.Contains(Decision.Allowed))
            {
                return check with
                {
                    Verdict = CallVerdict.Undecidable,
                    Decision = "Undecidable",
                    Reason = $"the resource is not in the event ({permission.Note ?? permission.Resource}); allowed on some of {permission.Resource}, not on all"
                        + SameNameRoleOutcome(head, context, permission),
                };
            }

            // No resource the pattern stands for is allowed: denied whichever the call acted on.
            result = onSome;
            check = check with { Result = result, UnknownKeys = result.UnknownKeys, MissingKeys = MissingKeys(result) };
        }

        // Denied whatever the unknown keys are, unless the trail cannot show what decided it.
        if (result.Reason == DecisionReason.ResourcePolicyLacksAllow && _policies.ResourcePolicy is null)
        {
            return check with
            {
                Verdict = CallVerdict.Undecidable,
                Decision = "Undecidable",
                Reason = "the resource is in another account; its resource-based policy is not known",
            };
        }

        if (permission.Source == PermissionSource.Unknown && permission.Resource.Contains('*', StringComparison.Ordinal)
            && AllowFailedOn(result, StatementElement.Resource))
        {
            return check with
            {
                Verdict = CallVerdict.Undecidable,
                Decision = "Undecidable",
                Reason = $"the resource is not in the event ({permission.Note ?? permission.Resource}); an allow names other resources"
                    + SameNameRoleOutcome(head, context, permission),
            };
        }

        check = check with { Verdict = CallVerdict.Denied, Decision = result.Decision.ToString(), Reason = DenialReason(permission, result) };
        if (FailsOnRequestTags(result))
        {
            check = check with { FailedOnRequestTags = true };
            TagFact? later = _ledger.FindLaterTagging(context.PrincipalKey, context.Ticks, context.CreatedIds, TaggingWindow);
            if (later is not null)
            {
                check = check with
                {
                    LaterTagging = later,
                    LaterTaggingBasis = context.CreatedIds.Count > 0 ? "created resources" : $"within {TaggingWindow.TotalSeconds:0} s",
                };
            }
        }

        return check;
    }

    // An instance profile usually holds the role of the same name (EMR_EC2_DefaultRole, for one): say what the
    // decision would be under that assumption, without making it the verdict.
    private string SameNameRoleOutcome(CallCheck head, ReplayContext context, RequiredPermission permission)
    {
        if (permission.SameNameRoleArn is not { } role)
        {
            return string.Empty;
        }

        CallCheck assumed = Evaluate(head, context, permission with { Resource = role, Source = PermissionSource.RequestParameter });
        string outcome = assumed.Verdict switch
        {
            CallVerdict.Allowed => "allowed",
            CallVerdict.Denied => "denied",
            _ => "still undecidable",
        };
        return $"; if the profile holds role {role} (same name, no path, as usual), {outcome}";
    }

    private static bool AllowFailedOn(EvaluationResult result, StatementElement element)
    {
        foreach (StatementTrace statement in result.Trace)
        {
            if (statement.Effect == Effect.Allow && statement.PolicyType == PolicyType.IdentityPolicy
                && statement.Outcome == MatchOutcome.NotMatched && statement.FailedElement == element)
            {
                return true;
            }
        }

        return false;
    }

    private static bool FailsOnRequestTags(EvaluationResult result)
    {
        foreach (StatementTrace statement in result.Trace)
        {
            if (statement.Effect == Effect.Allow && statement.Outcome != MatchOutcome.Matched)
            {
                foreach (ConditionTrace condition in statement.FailedConditions)
                {
                    if (IsRequestTagKey(condition.Key))
                    {
                        return true;
                    }
                }
            }
            else if (statement.Effect == Effect.Deny && statement.Outcome == MatchOutcome.Matched && result.Reason == DecisionReason.ExplicitDeny)
            {
                // A deny on request tags (e.g. "Null aws:RequestTag/x true") matched: the tags were missing.
                return true;
            }
        }

        return false;
    }

    private static bool IsRequestTagKey(string key) =>
        key.StartsWith("aws:RequestTag/", StringComparison.OrdinalIgnoreCase) || key.Equals("aws:TagKeys", StringComparison.OrdinalIgnoreCase);

    private static ImmutableArray<string> MissingKeys(EvaluationResult result)
    {
        var keys = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (StatementTrace statement in result.Trace)
        {
            if (statement.Outcome == MatchOutcome.Matched)
            {
                continue;
            }

            foreach (ConditionTrace condition in statement.FailedConditions)
            {
                if (condition.KeyMissing && !condition.KeyUnknown)
                {
                    keys.Add(condition.Key);
                }
            }
        }

        return [.. keys];
    }

    // "no policy allows the request: identityPolicies[0] statement 1 "Sid": StringEquals aws:RequestTag/k: request missing, policy [true]"
    private static string DenialReason(RequiredPermission permission, EvaluationResult result)
    {
        string describe = EvaluationResultWriter.Describe(result);
        if (result.Reason == DecisionReason.ExplicitDeny)
        {
            foreach (StatementTrace statement in result.Trace)
            {
                if (statement.Effect == Effect.Deny && statement.Outcome == MatchOutcome.Matched)
                {
                    return $"{describe}, statement {statement.StatementIndex}{Sid(statement)}";
                }
            }

            return describe;
        }

        var parts = new List<string>();
        foreach (StatementTrace statement in result.Trace)
        {
            if (statement.Effect != Effect.Allow || statement.Outcome == MatchOutcome.Matched)
            {
                continue;
            }

            string where = $"{PolicyName(statement)} statement {statement.StatementIndex}{Sid(statement)}";
            if (statement.FailedElement == StatementElement.Condition && statement.FailedConditions.Length > 0)
            {
                var conditions = new List<string>();
                foreach (ConditionTrace c in statement.FailedConditions)
                {
                    string request = c.KeyUnknown ? "unknown" : c.KeyMissing ? "missing" : "[" + string.Join(", ", c.RequestValues) + "]";
                    conditions.Add($"{c.Operator} {c.Key}: request {request}, policy [{string.Join(", ", c.PolicyValues)}]");
                }

                parts.Add($"{where}: {string.Join("; ", conditions)}");
            }
            else
            {
                parts.Add($"{where}: {statement.FailedElement.ToString().ToLowerInvariant()} does not match");
            }
        }

        if (parts.Count == 0 && result.Reason == DecisionReason.NoAllow)
        {
            return $"no statement allows {permission.Action}";
        }

        return parts.Count == 0 ? describe : $"{describe}: {string.Join(" | ", parts)}";
    }

    private static string PolicyName(StatementTrace s) => s.PolicyType switch
    {
        PolicyType.IdentityPolicy => $"identityPolicies[{s.PolicyIndex}]",
        PolicyType.PermissionsBoundary => $"permissionBoundaries[{s.PolicyIndex}]",
        PolicyType.SessionPolicy => "sessionPolicy",
        PolicyType.ResourcePolicy => "resourcePolicy",
        PolicyType.ServiceControlPolicy => $"serviceControlPolicies[{s.Level}][{s.PolicyIndex}]",
        _ => $"resourceControlPolicies[{s.Level}][{s.PolicyIndex}]",
    };

    private static string Sid(StatementTrace statement) => statement.Sid is null ? string.Empty : $" \"{statement.Sid}\"";
}
