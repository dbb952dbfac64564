namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>What kind of caller a request principal string names.</summary>
internal enum PrincipalKind
{
    Anonymous,
    Service,
    Root,
    User,
    Role,
    AssumedRoleSession,
    FederatedUser,
    Other,
}

/// <summary>
/// The request principal taken apart once per <see cref="RequestContext"/>: kind, account, and for role
/// sessions the role name and its path-less role ARN. Immutable; thread-safe.
/// </summary>
internal sealed class PrincipalInfo
{
    private PrincipalInfo(PrincipalKind kind, string text, string? account, string? partition, string? roleName, string? roleArn, string? userName)
    {
        Kind = kind;
        Text = text;
        Account = account;
        Partition = partition;
        RoleName = roleName;
        RoleArn = roleArn;
        UserName = userName;
    }

    public PrincipalKind Kind { get; }

    /// <summary>The principal as given (an ARN, a service principal, or empty for anonymous).</summary>
    public string Text { get; }

    public string? Account { get; }

    public string? Partition { get; }

    /// <summary>The role name, for a role or a role session.</summary>
    public string? RoleName { get; }

    /// <summary>The role ARN (without path for sessions, which do not carry it), for a role or a role session.</summary>
    public string? RoleArn { get; }

    /// <summary>The user name, for an IAM user.</summary>
    public string? UserName { get; }

    public bool IsServiceOrAnonymous => Kind is PrincipalKind.Service or PrincipalKind.Anonymous;

    // Per thread, the principals parsed last: a replay builds a request per call, and a trail's calls come from few
    // principals. Bounded (started over when full); entries are immutable.
    [ThreadStatic]
    private static Dictionary<string, PrincipalInfo>? _parsed;

    public static PrincipalInfo Parse(string? principal)
    {
        if (principal is null)
        {
            return ParseText(principal);
        }

        Dictionary<string, PrincipalInfo> parsed = _parsed ??= new Dictionary<string, PrincipalInfo>(StringComparer.Ordinal);
        if (!parsed.TryGetValue(principal, out PrincipalInfo? info))
        {
            if (parsed.Count >= 1024)
            {
                parsed.Clear();
            }

            parsed.Add(principal, info = ParseText(principal));
        }

        return info;
    }

    private static PrincipalInfo ParseText(string? principal)
    {
        if (string.IsNullOrEmpty(principal) || principal == "*" || string.Equals(principal, "anonymous", StringComparison.OrdinalIgnoreCase))
        {
            return new PrincipalInfo(PrincipalKind.Anonymous, principal ?? string.Empty, null, null, null, null, null);
        }

        ArnSegments segments = ArnSegments.Split(principal);
        if (!segments.IsValid || !principal.StartsWith("arn:", StringComparison.Ordinal))
        {
            return new PrincipalInfo(PrincipalKind.Service, principal, null, null, null, null, null);
        }

        string partition = segments.Segment(principal, 1).ToString();
        string service = segments.Segment(principal, 2).ToString();
        string account = segments.Segment(principal, 4).ToString();
        string resource = segments.Segment(principal, 5).ToString();
        if (service == "iam" && resource == "root")
        {
            return new PrincipalInfo(PrincipalKind.Root, principal, account, partition, null, null, null);
        }

        if (service == "iam" && resource.StartsWith("user/", StringComparison.Ordinal))
        {
            return new PrincipalInfo(PrincipalKind.User, principal, account, partition, null, null, resource[(resource.LastIndexOf('/') + 1)..]);
        }

        if (service == "iam" && resource.StartsWith("role/", StringComparison.Ordinal))
        {
            string name = resource[(resource.LastIndexOf('/') + 1)..];
            return new PrincipalInfo(PrincipalKind.Role, principal, account, partition, name, principal, null);
        }

        if (service == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            string rest = resource["assumed-role/".Length..];
            int slash = rest.IndexOf('/');
            string name = slash < 0 ? rest : rest[..slash];
            return new PrincipalInfo(PrincipalKind.AssumedRoleSession, principal, account, partition, name,
                $"arn:{partition}:iam::{account}:role/{name}", null);
        }

        if (service == "sts" && resource.StartsWith("federated-user/", StringComparison.Ordinal))
        {
            return new PrincipalInfo(PrincipalKind.FederatedUser, principal, account, partition, null, null, null);
        }

        return new PrincipalInfo(PrincipalKind.Other, principal, account.Length == 0 ? null : account, partition, null, null, null);
    }
}
