using System.Text.RegularExpressions;

namespace TrailSift.Core.Iam.Policy.Lint;

/// <summary>
/// The grammar rules IAM applies by policy kind, as IAM Access Analyzer's policy checks name them
/// (IAM User Guide, access-analyzer-reference-policy-checks): "Missing principal" / principals not allowed in
/// identity policies, "Unique Sids required", "Unsupported Sid", "Missing resource", "Invalid ARN account",
/// "Invalid ARN Region", "Invalid partition", "Missing ARN field"; and the RCP rules of the Organizations guide.
/// </summary>
public sealed partial class PolicyLinter
{
    private static readonly string[] Partitions = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

    /// <summary>The kind a document is linted as under <see cref="PolicyKind.Auto"/>: resource-based when some
    /// statement names a principal, identity-based otherwise.</summary>
    public static PolicyKind Resolve(PolicyKind kind, PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (kind != PolicyKind.Auto)
        {
            return kind;
        }

        foreach (Statement statement in AllStatements(document))
        {
            if (statement.Principal is not null || statement.NotPrincipal is not null)
            {
                return PolicyKind.Resource;
            }
        }

        return PolicyKind.Identity;
    }

    private static bool IsIamKind(PolicyKind kind) => kind is PolicyKind.Identity or PolicyKind.Boundary or PolicyKind.Session or PolicyKind.Scp or PolicyKind.Rcp;

    private static string KindName(PolicyKind kind) => kind switch
    {
        PolicyKind.Identity => "an identity-based policy",
        PolicyKind.Boundary => "a permissions boundary",
        PolicyKind.Session => "a session policy",
        PolicyKind.Scp => "a service control policy",
        PolicyKind.Rcp => "a resource control policy",
        PolicyKind.Endpoint => "a VPC endpoint policy",
        _ => "a resource-based policy",
    };

    private static void LintGrammar(Statement statement, string path, PolicyKind kind, List<PolicyDiagnostic> findings)
    {
        bool hasPrincipal = statement.Principal is not null || statement.NotPrincipal is not null;
        switch (kind)
        {
            case PolicyKind.Identity or PolicyKind.Boundary or PolicyKind.Session or PolicyKind.Scp when hasPrincipal:
                findings.Add(Error(path + (statement.Principal is not null ? ".Principal" : ".NotPrincipal"),
                    $"{(statement.Principal is not null ? "Principal" : "NotPrincipal")} is not allowed in {KindName(kind)} (the principal is whoever the policy is attached to; use --type resource for a resource-based policy)"));
                break;
            case PolicyKind.Resource or PolicyKind.Endpoint when !hasPrincipal:
                findings.Add(Error(path, $"missing Principal: every statement of {KindName(kind)} must name a Principal (or NotPrincipal)"));
                break;
            case PolicyKind.Rcp:
                LintRcp(statement, path, findings);
                break;
        }

        if (statement.Resource is null && statement.NotResource is null && (IsIamKind(kind) || kind == PolicyKind.Endpoint))
        {
            findings.Add(Error(path, $"missing Resource: a statement of {KindName(kind)} needs Resource or NotResource (\"*\" for every resource)"));
        }

        if (statement.Sid is { } sid && IsIamKind(kind) && !IsAlphanumeric(sid))
        {
            findings.Add(Error(path + ".Sid", $"\"{sid}\": a Sid of {KindName(kind)} may hold only letters A-Z, a-z and digits 0-9"));
        }

        if (statement.Principal is { IsWildcard: false } principal)
        {
            LintPrincipalValues(principal, path + ".Principal", findings);
        }

        if (statement.NotPrincipal is { IsWildcard: false } notPrincipal)
        {
            LintPrincipalValues(notPrincipal, path + ".NotPrincipal", findings);
        }
    }

    // Organizations: RCPs use Deny statements (Allow only in RCPFullAWSAccess), Principal "*", no NotPrincipal or NotAction.
    private static void LintRcp(Statement statement, string path, List<PolicyDiagnostic> findings)
    {
        if (statement.Principal is null || !statement.Principal.IsWildcard)
        {
            findings.Add(Error(path + ".Principal", "a resource control policy statement needs \"Principal\": \"*\" (limit principals with conditions)"));
        }

        if (statement.NotPrincipal is not null)
        {
            findings.Add(Error(path + ".NotPrincipal", "NotPrincipal is not supported in resource control policies"));
        }

        if (statement.NotAction is not null)
        {
            findings.Add(Error(path + ".NotAction", "NotAction is not supported in resource control policies"));
        }

        bool fullAccess = statement.Action is { Values: ["*"] } && statement.Resource is { Values: ["*"] } && statement.Conditions.IsEmpty;
        if (!statement.EffectUnknown && statement.Effect == Effect.Allow && !fullAccess)
        {
            findings.Add(Error(path + ".Effect", "resource control policies only deny: an Allow is only the RCPFullAWSAccess statement (Action \"*\", Resource \"*\")"));
        }
    }

    private static void LintSids(IReadOnlyList<(Statement Statement, string Path)> statements, PolicyKind kind, List<PolicyDiagnostic> findings)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((Statement statement, string path) in statements)
        {
            if (statement.Sid is not { Length: > 0 } sid)
            {
                continue;
            }

            if (!seen.TryAdd(sid, path))
            {
                string message = $"duplicate Sid \"{sid}\" (also in {seen[sid]}); Sids must be unique within a policy";
                findings.Add(IsIamKind(kind) ? Error(path + ".Sid", message) : Warning(path + ".Sid", message));
            }
        }
    }

    private static void LintPrincipalValues(PolicyPrincipal principal, string path, List<PolicyDiagnostic> findings)
    {
        foreach (KeyValuePair<string, PolicyValueList> entry in principal.Entries)
        {
            if (entry.Key != "AWS")
            {
                continue;
            }

            foreach (string value in entry.Value.Values)
            {
                if (value == "*" || value.StartsWith("arn:", StringComparison.Ordinal))
                {
                    if (value != "*" && ArnFormatProblem(value) is { } problem)
                    {
                        findings.Add(Error(path + ".AWS", problem));
                    }
                }
                else if (!AccountId().IsMatch(value))
                {
                    findings.Add(Error(path + ".AWS", $"\"{value}\" is neither \"*\", a 12-digit account id nor an ARN"));
                }
            }
        }
    }

    /// <summary>Why an ARN (or ARN pattern) does not have IAM's shape, or null: six fields, a known partition, a
    /// service of lowercase letters, digits and dashes without wildcards, a Region such as us-east-1 (or empty or
    /// with wildcards), an account of 12 digits (or empty, <c>aws</c>, or with wildcards).</summary>
    internal static string? ArnFormatProblem(string arn)
    {
        string[] fields = arn.Split(':', 6);
        if (fields.Length < 6)
        {
            return $"\"{arn}\" has {fields.Length} of the 6 ARN fields (arn:partition:service:region:account:resource); AWS's validator rejects it (\"Missing ARN field\") and how IAM would match it is not documented";
        }

        string partition = fields[1], service = fields[2], region = fields[3], account = fields[4];
        if (!HasWildcardOrVariable(partition) && Array.IndexOf(Partitions, partition) < 0)
        {
            return $"\"{arn}\": unknown partition \"{partition}\" (expected {string.Join(", ", Partitions)})";
        }

        if (!ServiceName().IsMatch(service))
        {
            return service.Length == 0 ? $"\"{arn}\": the service field is empty"
                : $"\"{arn}\": invalid service \"{service}\" (lowercase letters, digits and dashes; no wildcards)";
        }

        if (region.Length > 0 && !HasWildcardOrVariable(region) && !RegionName().IsMatch(region))
        {
            return $"\"{arn}\": invalid Region \"{region}\" (expected a Region code such as us-east-1, empty, or a wildcard)";
        }

        if (account.Length > 0 && account != "aws" && !HasWildcardOrVariable(account) && !AccountId().IsMatch(account))
        {
            return $"\"{arn}\": invalid account \"{account}\" (expected 12 digits, empty, or a wildcard)";
        }

        return null;
    }

    private static bool HasWildcardOrVariable(string field) => field.Contains('*', StringComparison.Ordinal)
        || field.Contains('?', StringComparison.Ordinal) || field.Contains("${", StringComparison.Ordinal);

    private static bool IsAlphanumeric(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex ServiceName();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}
