using System.Collections.Immutable;
using System.Globalization;

namespace TrailSift.Core.Analysis.Generation;

// What the reader must be told next to the policy: what CloudTrail could not show, what was left out, splitting.
public static partial class PolicyGenerator
{
    private static ImmutableArray<string> PolicyNotes(GeneratedPolicy policy)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        PrincipalEvidence e = policy.Evidence;
        var notes = ImmutableArray.CreateBuilder<string>();
        if (!policy.Facts.HasDataEvents)
        {
            notes.Add("The input holds no data events, so data-plane permissions (S3 object reads and writes, Lambda Invoke, "
                + "DynamoDB item reads and writes, ...) cannot be seen and are not in this policy. No data is not the same as not needed.");
        }
        else if (e.DataEvents == 0)
        {
            notes.Add(string.Create(c, $"The input holds {policy.Facts.DataEvents} data events, none by this principal. Trails record data events only for the resources they select, so data-plane use elsewhere cannot be seen."));
        }

        long unmapped = 0;
        foreach (UnmappedCall u in e.Unmapped)
        {
            unmapped += u.Calls;
        }

        if (unmapped > 0)
        {
            notes.Add(string.Create(c, $"{unmapped} calls ({e.Unmapped.Length} distinct events) have no known IAM permission and are not in this policy; they are listed by name. Their permissions are unknown, not unneeded."));
        }

        foreach (PermissionEvidence row in e.Permissions)
        {
            if (ArnFields.Problem(row.Resource) is { } problem)
            {
                notes.Add($"Left out: {row.Action} on {row.Resource} ({row.Calls} call{(row.Calls == 1 ? "" : "s")}): its {problem}, so IAM would reject a policy naming it (malformed input).");
            }
        }

        long leftOut = 0;
        foreach (UnmappedCall u in e.Unverified)
        {
            leftOut += u.Calls;
        }

        if (leftOut > 0)
        {
            notes.Add(string.Create(c, $"{leftOut} calls ({e.Unverified.Length} distinct events) failed validation (ValidationException, InvalidParameter..., MissingParameter): many services validate before they authorise, so whether they were allowed is unknown. Left out; --include-unverified adds them, flagged UNVERIFIED."));
        }

        int unverified = 0;
        foreach (PermissionEvidence row in e.Permissions)
        {
            unverified += row.Unverified ? 1 : 0;
        }

        if (unverified > 0)
        {
            notes.Add(string.Create(c, $"{unverified} permission{(unverified == 1 ? " comes" : "s come")} only from calls that failed validation (--include-unverified); flagged UNVERIFIED: nothing shows they were ever allowed."));
        }

        int implied = 0;
        foreach (PermissionEvidence row in e.Permissions)
        {
            implied += row.Implied ? 1 : 0;
        }

        if (implied > 0)
        {
            notes.Add(string.Create(c, $"{implied} permission{(implied == 1 ? " is" : "s are")} implied by the calls but never logged by CloudTrail; included and flagged IMPLIED."));
        }

        if (e.DeniedCalls > 0)
        {
            notes.Add(string.Create(c, $"{e.DeniedCalls} denied calls are included: they show what the principal was missing (marked DENIED)."));
        }

        if (e.ExcludedDeniedCalls > 0)
        {
            notes.Add(string.Create(c, $"{e.ExcludedDeniedCalls} denied calls were left out (--exclude-denied)."));
        }

        if (e.NoPermissionCalls > 0)
        {
            notes.Add(string.Create(c, $"{e.NoPermissionCalls} calls needed no permission or were not API calls; skipped."));
        }

        if (e.AuthenticationFailures > 0)
        {
            notes.Add(string.Create(c, $"{e.AuthenticationFailures} calls failed authentication (credentials, not policy); ignored."));
        }

        if (policy.Statements.IsEmpty)
        {
            notes.Add("No permission could be mapped from this principal's calls: the document has no statements and is not a valid policy.");
        }

        if (policy.IsSplit)
        {
            notes.Add(string.Create(c, $"The policy is larger than {policy.MaxSize} characters without whitespace and is split into {policy.Documents.Length} documents ({string.Join(", ", policy.Sizes)} characters)."));
        }

        if (policy.ExceedsMaxSize)
        {
            notes.Add(string.Create(c, $"A single statement is larger than {policy.MaxSize} characters and could not be split further."));
        }

        return notes.ToImmutable();
    }
}
