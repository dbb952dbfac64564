using System.Collections.Immutable;
using TrailSift.Core.Iam.Evaluation.Internal;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>What AWS decides around the policies: its own rules (AwsRules) and a KMS key whose key policy is not given.</summary>
public static partial class PolicyEvaluator
{
    private static readonly List<string> NoNotes = [];

    /// <summary>A KMS action on a key (<c>arn:…:kms:…:key/…</c>): the key policy takes part.</summary>
    private static bool IsKeyRequest(RequestContext request)
    {
        if (!request.Action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ArnSegments segments = ArnSegments.Split(request.Resource);
        return segments.IsValid
            && segments.Segment(request.Resource, 2).Equals("kms", StringComparison.OrdinalIgnoreCase)
            && segments.Segment(request.Resource, 5).StartsWith("key/", StringComparison.Ordinal);
    }

    /// <summary>The default key policy: <c>arn:aws:iam::KEY-ACCOUNT:root</c> may do <c>kms:*</c>, so the key's account's
    /// IAM policies decide; nobody else is named.</summary>
    private static Verdict DefaultKeyPolicy(RequestContext request)
    {
        var verdict = default(Verdict);
        if (!request.PrincipalInfo.IsServiceOrAnonymous && request.IsSameAccount)
        {
            verdict.Add(Tri.True, PrincipalMatchKind.Account);
        }

        return verdict;
    }

    private static EvaluationResult KeyPolicyOutcome(EvaluationResult result, MissingKeyPolicy assumption, RequestContext request, List<string> notes)
    {
        string account = request.ResourceAccount ?? "the key's account";
        if (assumption == MissingKeyPolicy.AccountDefault)
        {
            notes.Add($"no key policy given: assumed the default key policy, which allows {account} (its IAM policies decide) and no other account");
            return result;
        }

        if (result.Decision == Decision.ExplicitlyDenied && result.IsDecidable)
        {
            notes.Add("no key policy given: it cannot change an explicit deny");
            return result;
        }

        notes.Add($"no key policy given: the decision depends on it (under the default key policy, which allows {account}, it would be {result.Decision})");
        return result.With(result.Decision, AnyDecision, result.Reason, null, [.. notes]);
    }

    private static EvaluationResult ApplyAwsRules(EvaluationResult result, RequestContext request, List<string> notes)
    {
        if (AwsRules.Find(AwsRuleKind.Deny, request) is { } deny)
        {
            return result.With(Decision.ExplicitlyDenied, OnlyExplicit, DecisionReason.AwsRule, deny, [.. notes]);
        }

        if (AwsRules.Find(AwsRuleKind.Allow, request) is { } allow)
        {
            return result.With(Decision.Allowed, OnlyAllowed, DecisionReason.AwsRule, allow, [.. notes]);
        }

        return notes.Count == 0 || result.Notes.Length == notes.Count ? result
            : result.With(result.Decision, result.PossibleDecisions, result.Reason, null, [.. notes]);
    }
}
