namespace TrailSift.Core.Iam.Evaluation;

/// <summary>The readable explanation.</summary>
public static partial class EvaluationResultWriter
{
    /// <summary>
    /// Writes a short explanation: the decision and its reason, what unknown keys could change, then one line
    /// per traced statement with its failed conditions indented below it.
    /// </summary>
    public static void WriteText(EvaluationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"Decision: {result.Decision} ({Describe(result)})");
        if (result.AwsRule is { } rule)
        {
            writer.WriteLine($"AWS rule {rule.Id}: {rule.SourceTitle} <{rule.SourceUrl}>; the policies alone: {result.PolicyDecision}");
        }

        foreach (string note in result.Notes)
        {
            writer.WriteLine($"Note: {note}");
        }

        if (!result.IsDecidable)
        {
            writer.WriteLine($"Undecidable: depends on unknown keys {string.Join(", ", result.UnknownKeys)}; "
                + $"possible decisions: {string.Join(", ", result.PossibleDecisions)}");
        }

        foreach (StatementTrace statement in result.Trace)
        {
            string sid = statement.Sid is null ? string.Empty : $" \"{statement.Sid}\"";
            string outcome = statement.Outcome switch
            {
                MatchOutcome.Matched => "matched",
                MatchOutcome.Undecidable => "undecidable",
                _ => $"not matched ({Lower(statement.FailedElement)})",
            };
            writer.WriteLine($"  {PolicyName(statement.PolicyType, statement.Level, statement.PolicyIndex)} statement {statement.StatementIndex}{sid} {statement.Effect}: {outcome}");
            foreach (ConditionTrace condition in statement.FailedConditions)
            {
                string request = condition.KeyUnknown ? "unknown" : condition.KeyMissing ? "missing"
                    : "[" + string.Join(", ", condition.RequestValues) + "]";
                string note = condition.Note is null ? string.Empty : $" ({condition.Note})";
                writer.WriteLine($"    {condition.Operator} {condition.Key}: policy [{string.Join(", ", condition.PolicyValues)}], request {request}{note}");
            }
        }
    }

    /// <summary>Returns <see cref="WriteText"/>'s output as a string.</summary>
    public static string ToText(EvaluationResult result)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        WriteText(result, writer);
        return writer.ToString();
    }

    /// <summary>A one-line reason, such as "explicit deny in identityPolicies[0]".</summary>
    public static string Describe(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.AwsRule is { } rule)
        {
            return $"{(rule.Kind == AwsRuleKind.Allow ? "allowed" : "denied")} by an AWS rule: {rule.Statement}";
        }

        string where = result.DecidingPolicyType is { } type ? PolicyName(type, result.DecidingLevel, result.DecidingPolicyIndex) : "no policy";
        return result.Reason switch
        {
            DecisionReason.Allowed => $"allowed by {where}",
            DecisionReason.ExplicitDeny => $"explicit deny in {where}",
            DecisionReason.NoAllow => "no policy allows the request",
            DecisionReason.ResourcePolicyLacksAllow => "the resource-based policy does not allow the caller",
            DecisionReason.ServiceControlPolicyLacksAllow => $"no allow in {where}",
            DecisionReason.ResourceControlPolicyLacksAllow => $"no allow in {where}",
            DecisionReason.PermissionsBoundaryLacksAllow => "the permissions boundary does not allow",
            DecisionReason.EndpointPolicyLacksAllow => "the VPC endpoint policy does not allow the caller",
            _ => "the session policy does not allow",
        };
    }

    /// <summary>The name of a policy in the request format: <c>identityPolicies[0]</c>, <c>serviceControlPolicies[1][0]</c>, <c>resourcePolicy</c>.</summary>
    public static string PolicyName(PolicyType type, int level, int index)
    {
        string name = type switch
        {
            PolicyType.IdentityPolicy => "identityPolicies",
            PolicyType.PermissionsBoundary => "permissionBoundaries",
            PolicyType.SessionPolicy => "sessionPolicy",
            PolicyType.ResourcePolicy => "resourcePolicy",
            PolicyType.ServiceControlPolicy => "serviceControlPolicies",
            PolicyType.EndpointPolicy => "endpointPolicies",
            _ => "resourceControlPolicies",
        };
        if (type is PolicyType.SessionPolicy or PolicyType.ResourcePolicy)
        {
            return name;
        }

        if (level >= 0)
        {
            name += $"[{level}]";
        }

        return index >= 0 ? name + $"[{index}]" : name;
    }

    private static string Lower(StatementElement element) => element.ToString().ToLowerInvariant();
}
