using TrailSift.Core.Analysis.Denied.Messages;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Generalization;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// Fixes for denial groups: the minimal identity <c>Allow</c> statement for <c>no-identity-allow</c> (resources
/// generalised by <see cref="ResourceGeneralizer"/> in safe mode, the rule the <c>policy</c> command shares), and
/// for other reasons the policy type that must change.
/// </summary>
/// <remarks>Stateless apart from the catalog it reads; thread-safe.</remarks>
internal sealed class DeniedFixes
{
    private const int MaxTypesNamed = 12;
    private readonly IamCatalog _catalog;

    public DeniedFixes(IamCatalog catalog)
    {
        _catalog = catalog;
    }

    /// <summary>One statement allowing <paramref name="action"/> on the generalised <paramref name="resources"/> (null means unknown).</summary>
    public Statement Statement(string action, IEnumerable<string?> resources, List<string> notes)
    {
        var values = new List<string>();
        foreach (string? r in resources)
        {
            if (r is null)
            {
                AddNote(notes, DeniedNotes.ResourceUnknown);
            }

            values.Add(r ?? "*");
        }

        _catalog.TryGetAction(action, out ActionInfo? info);
        string? typeKey = info is { SupportsResourceLevelPermissions: false } ? ResourceGeneralizer.NoResourceType : TypeKey(info, values);
        var patterns = new List<string>();
        foreach (GeneralizedResource g in ResourceGeneralizer.Generalize(values, typeKey, GeneralizationMode.Safe))
        {
            patterns.Add(g.Pattern);
        }

        patterns.Sort(StringComparer.Ordinal);
        if (info is { ResourceTypes.Length: > 1 } && values.Exists(static v => v.EndsWith("/*", StringComparison.Ordinal)))
        {
            AddNote(notes, values.Exists(v => !v.EndsWith("/*", StringComparison.Ordinal) && v != "*")
                ? DeniedNotes.MappedResources
                : OtherTypesNote(info, values));
        }

        return new Statement
        {
            Sid = SidOf(action),
            Effect = Effect.Allow,
            Action = PolicyValueList.Single(action),
            Resource = patterns.Count == 1 ? PolicyValueList.Single(patterns[0]) : new PolicyValueList([.. patterns], isArray: true),
        };
    }

    /// <summary>The fix of one group given the statement its action's denials share (null unless <c>no-identity-allow</c>).</summary>
    public static DeniedFix For(DenialKey key, Statement? statement, IReadOnlyList<string> notes)
    {
        string action = key.Action ?? "the action";
        string on = key.Resource is null ? string.Empty : " on " + key.Resource;
        string who = ShortName(key.Principal);
        if (key.Reason == DeniedReason.NoIdentityAllow && statement is not null)
        {
            return new DeniedFix
            {
                Kind = DeniedFixKind.AddIdentityAllow,
                PolicyType = "identity-based policy",
                Statement = statement,
                Text = $"add to an identity-based policy of {who}: Allow {string.Join(", ", statement.Action!.Values)} on {string.Join(", ", statement.Resource!.Values)}",
                Notes = notes,
            };
        }

        (string? type, string text) = key.Reason switch
        {
            DeniedReason.ExplicitDenyIdentity => ("identity-based policy", $"an identity-based policy of {who} denies {action}{on} explicitly: remove or narrow that Deny statement"),
            DeniedReason.NoBoundaryAllow => ("permissions boundary", $"the permissions boundary of {who} must allow {action}{on}"),
            DeniedReason.ExplicitDenyBoundary => ("permissions boundary", $"the permissions boundary of {who} denies {action}{on} explicitly: change the boundary"),
            DeniedReason.NoSessionAllow => ("session policy", $"the session policy passed when the session was created (AssumeRole Policy or PolicyArns, federation) must allow {action}{on}"),
            DeniedReason.ExplicitDenySession => ("session policy", $"the session policy denies {action}{on} explicitly: change the policy passed when the session was created"),
            DeniedReason.NoScpAllow => ("service control policy", $"a service control policy (AWS Organizations) must allow {action} for the account"),
            DeniedReason.ExplicitDenyScp => ("service control policy", $"a service control policy (AWS Organizations) denies {action}{on}: change the SCP (an SCP that merely lacks an Allow is reported the same way)"),
            DeniedReason.NoRcpAllow => ("resource control policy", $"a resource control policy (AWS Organizations) must allow {action}{on}"),
            DeniedReason.ExplicitDenyRcp => ("resource control policy", $"a resource control policy (AWS Organizations) denies {action}{on}: change the RCP"),
            DeniedReason.NoResourceAllow => ("resource-based policy", $"the resource-based policy{on} (bucket, key, queue or trust policy) must allow {who} to call {action}"),
            DeniedReason.ExplicitDenyResource => ("resource-based policy", $"the resource-based policy{on} denies {action} explicitly: change that policy or setting"),
            DeniedReason.VpcEndpoint => ("VPC endpoint policy", $"the policy of the VPC endpoint the call went through must allow {action}{on}"),
            _ => ((string?)null, string.Empty),
        };

        if (type is not null)
        {
            return new DeniedFix { Kind = DeniedFixKind.ChangePolicy, PolicyType = type, Text = text + "; an identity Allow will not help", Notes = notes };
        }

        return new DeniedFix
        {
            Kind = DeniedFixKind.Investigate,
            Text = $"the message does not say which policy refused the call: check for an Allow of {action}{on} in the identity-based policies of {who}, "
                + "then the permissions boundary, session policy, SCPs, RCPs and the resource-based policy",
            Notes = notes,
        };
    }

    /// <summary>A statement id from the action: <c>sqs:CreateQueue</c> → <c>AllowSqsCreateQueue</c>.</summary>
    public static string SidOf(string action)
    {
        var sb = new System.Text.StringBuilder("Allow");
        bool upper = true;
        foreach (char c in action)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    /// <summary>The last path segment of an ARN (<c>EMR_DefaultRole_Restricted</c>), or the text itself.</summary>
    public static string ShortName(string principal)
    {
        int slash = principal.LastIndexOf('/');
        return slash >= 0 && slash < principal.Length - 1 ? principal[(slash + 1)..] : principal;
    }

    private string? TypeKey(ActionInfo? info, List<string> values)
    {
        string? key = null;
        foreach (string v in values)
        {
            if (info is null || v == "*")
            {
                return null;
            }

            var types = info.FindResourceTypes(v);
            if (types.IsEmpty || (key is not null && key != types[0].Name))
            {
                return null;
            }

            key = types[0].Name;
        }

        return key;
    }

    private static string OtherTypesNote(ActionInfo info, List<string> values)
    {
        var names = new List<string>();
        foreach (ActionResourceType t in info.ResourceTypes)
        {
            if (!values.Exists(v => info.FindResourceTypes(v).Any(m => m.Name == t.Name)))
            {
                names.Add(t.Name);
            }
        }

        string list = names.Count > MaxTypesNamed ? string.Join(", ", names.Take(MaxTypesNamed)) + ", …" : string.Join(", ", names);
        return $"{info.FullName} also authorizes other resource types ({list}); the message names only the one refused: "
            + "allow those the call uses too (" + DeniedNotes.MappingPending + ")";
    }

    private static void AddNote(List<string> notes, string note)
    {
        if (!notes.Contains(note))
        {
            notes.Add(note);
        }
    }
}
