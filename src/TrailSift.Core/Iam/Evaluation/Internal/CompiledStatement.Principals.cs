using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>Principal and NotPrincipal matching for resource-based policies and RCPs (iam-eval.md §2 and §4).</summary>
internal sealed partial class CompiledStatement
{
    /// <summary>How this statement's Principal/NotPrincipal names the caller; None when it does not apply.
    /// A statement with neither element never applies in a resource-based policy.</summary>
    /// <param name="context">The request.</param>
    /// <param name="callerHasBoundary">True when the caller has a permissions boundary: AWS documents that a Deny
    /// with NotPrincipal then always denies, whatever NotPrincipal lists (access_policies_boundaries).</param>
    public PrincipalMatchKind MatchPrincipal(RequestContext context, bool callerHasBoundary)
    {
        PrincipalInfo caller = context.PrincipalInfo;
        if (Source.Principal is { } principal)
        {
            return MatchPrincipal(principal, caller, context);
        }

        if (Source.NotPrincipal is { } notPrincipal)
        {
            bool deny = Effect == Effect.Deny;
            if (deny && callerHasBoundary && !caller.IsServiceOrAnonymous)
            {
                return PrincipalMatchKind.Direct;
            }

            bool listed = deny ? IsExemptFromDeny(notPrincipal, caller, context) : IsListed(notPrincipal, caller, context);
            return listed ? PrincipalMatchKind.None : PrincipalMatchKind.Direct;
        }

        return PrincipalMatchKind.None;
    }

    private static PrincipalMatchKind MatchPrincipal(PolicyPrincipal principal, PrincipalInfo caller, RequestContext context)
    {
        if (principal.IsWildcard)
        {
            return PrincipalMatchKind.Direct;
        }

        PrincipalMatchKind best = PrincipalMatchKind.None;
        foreach (KeyValuePair<string, PolicyValueList> entry in principal.Entries)
        {
            foreach (string value in entry.Value.Values)
            {
                PrincipalMatchKind kind = entry.Key switch
                {
                    "AWS" => MatchAws(value, caller),
                    _ => MatchesNonAws(value, caller, context) ? PrincipalMatchKind.Direct : PrincipalMatchKind.None,
                };
                if (kind > best)
                {
                    best = kind;
                }
            }
        }

        return best;
    }

    private static bool MatchesNonAws(string value, PrincipalInfo caller, RequestContext context) =>
        string.Equals(value, caller.Text, StringComparison.OrdinalIgnoreCase)
        || (context.TryGetValue("aws:FederatedProvider", out ContextValue provider) && !provider.IsMultiValued
            && string.Equals(value, provider[0], StringComparison.OrdinalIgnoreCase));

    private static PrincipalMatchKind MatchAws(string value, PrincipalInfo caller)
    {
        if (value == "*")
        {
            return PrincipalMatchKind.Direct;
        }

        if (caller.IsServiceOrAnonymous)
        {
            return PrincipalMatchKind.None;
        }

        if (IsAccountId(value))
        {
            return value == caller.Account ? PrincipalMatchKind.Account : PrincipalMatchKind.None;
        }

        ArnSegments segments = ArnSegments.Split(value);
        if (segments.IsValid && segments.Segment(value, 2) is "iam")
        {
            ReadOnlySpan<char> account = segments.Segment(value, 4);
            ReadOnlySpan<char> resource = segments.Segment(value, 5);
            if (resource is "root")
            {
                return account.SequenceEqual(caller.Account) ? PrincipalMatchKind.Account : PrincipalMatchKind.None;
            }

            if (resource.StartsWith("role/") && caller.RoleName is not null && account.SequenceEqual(caller.Account)
                && resource[(resource.LastIndexOf('/') + 1)..].SequenceEqual(caller.RoleName))
            {
                // A role ARN names the role, which covers its sessions only partly (iam-eval.md §2).
                return PrincipalMatchKind.Role;
            }
        }

        // Principal ARNs are compared exactly: the user-name part is case-sensitive and wildcards are not allowed.
        return string.Equals(value, caller.Text, StringComparison.Ordinal) ? PrincipalMatchKind.Direct : PrincipalMatchKind.None;
    }

    /// <summary>NotPrincipal with Allow: any entry naming the caller (directly, by its role or by its account)
    /// keeps the statement from applying, which errs on the side of not granting.</summary>
    private static bool IsListed(PolicyPrincipal notPrincipal, PrincipalInfo caller, RequestContext context) =>
        MatchPrincipal(notPrincipal, caller, context) != PrincipalMatchKind.None;

    /// <summary>
    /// NotPrincipal with Deny exempts a caller only when every identity AWS may check is listed: the caller itself,
    /// its account, and for a role session also the role (reference_policies_elements_notprincipal: "AWS might
    /// validate the account first, then the role, and then the assumed-role user"). A service principal or the
    /// account root needs only its own entry. This errs on the side of denying.
    /// </summary>
    private static bool IsExemptFromDeny(PolicyPrincipal notPrincipal, PrincipalInfo caller, RequestContext context)
    {
        if (notPrincipal.IsWildcard)
        {
            return true;
        }

        bool direct = false, role = false, account = false;
        foreach (KeyValuePair<string, PolicyValueList> entry in notPrincipal.Entries)
        {
            foreach (string value in entry.Value.Values)
            {
                if (entry.Key != "AWS")
                {
                    if (MatchesNonAws(value, caller, context))
                    {
                        return true;
                    }

                    continue;
                }

                if (value == "*")
                {
                    return true;
                }

                PrincipalMatchKind kind = MatchAws(value, caller);
                account |= kind == PrincipalMatchKind.Account;
                role |= kind == PrincipalMatchKind.Role;
                direct |= kind == PrincipalMatchKind.Direct;
            }
        }

        return caller.Kind switch
        {
            PrincipalKind.Root => account,
            PrincipalKind.AssumedRoleSession => direct && role && account,
            PrincipalKind.Role => role && account,
            _ => direct && account,
        };
    }

    private static bool IsAccountId(string value)
    {
        if (value.Length != 12)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
