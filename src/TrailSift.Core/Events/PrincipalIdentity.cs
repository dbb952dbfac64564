using TrailSift.Core.Json;


namespace TrailSift.Core.Events;

/// <summary>
/// The identities an event's caller can be named by: its ARN, the role behind a session, and names, for matching
/// (<see cref="Matches"/>). Who the principal is — the key every analysis groups by — is <see cref="PrincipalResolver"/>'s decision.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct PrincipalIdentity(string? Arn, string? IssuerArn, string? Name, string? IssuerName, string? Type)
{
    /// <summary>Reads the identities from a <c>userIdentity</c> node.</summary>
    public static PrincipalIdentity From(JsonNode userIdentity)
    {
        if (userIdentity.Kind != JsonKind.Object)
        {
            return default;
        }

        string? arn = Text(userIdentity.GetProperty("arn"u8));
        string? userName = Text(userIdentity.GetProperty("userName"u8));
        JsonNode issuer = userIdentity.GetProperty("sessionContext"u8).GetProperty("sessionIssuer"u8);
        string? issuerArn = Text(issuer.GetProperty("arn"u8));
        string? issuerName = Text(issuer.GetProperty("userName"u8));
        if (issuerName is null && arn is not null && TryRoleOfSession(arn, out string role))
        {
            issuerName = role;
        }

        return new PrincipalIdentity(arn, issuerArn, userName ?? SegmentMemo.LastSegment(arn), issuerName, Text(userIdentity.GetProperty("type"u8)));
    }

    /// <summary>True when <paramref name="wanted"/> (an ARN or a name) names this caller.</summary>
    public bool Matches(string wanted, bool isArn)
    {
        const StringComparison ic = StringComparison.OrdinalIgnoreCase;
        if (isArn)
        {
            if (string.Equals(Arn, wanted, ic) || string.Equals(IssuerArn, wanted, ic))
            {
                return true;
            }

            // A role ARN also names its sessions when the event carries no sessionIssuer (old records).
            return IssuerArn is null && Arn is not null && IssuerName is not null
                && wanted.Contains(":role/", ic) && string.Equals(LastSegment(wanted), IssuerName, ic)
                && string.Equals(AccountOf(wanted), AccountOf(Arn), StringComparison.Ordinal);
        }

        return string.Equals(Name, wanted, ic) || string.Equals(IssuerName, wanted, ic)
            || string.Equals(LastSegment(IssuerArn), wanted, ic);
    }

    /// <summary>
    /// The role ARN of an STS assumed-role session ARN (<c>arn:aws:sts::1:assumed-role/R/s</c> → <c>arn:aws:iam::1:role/R</c>),
    /// for a session named only by its ARN (a denial message, an event without a <c>sessionIssuer</c>); the role's path is not in the session ARN and is left out. Null for other ARNs.
    /// </summary>
    public static string? RoleOfSessionArn(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        const string Marker = ":assumed-role/";
        int at = arn.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0 || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        string[] head = arn[..at].Split(':');
        string rest = arn[(at + Marker.Length)..];
        int slash = rest.IndexOf('/');
        string role = slash < 0 ? rest : rest[..slash];
        return head.Length == 5 && role.Length > 0 ? $"arn:{head[1]}:iam::{head[4]}:role/{role}" : null;
    }

    private static bool TryRoleOfSession(string arn, out string role)
    {
        role = string.Empty;
        int i = arn.IndexOf(":assumed-role/", StringComparison.Ordinal);
        if (i < 0)
        {
            return false;
        }

        string rest = arn[(i + ":assumed-role/".Length)..];
        int slash = rest.IndexOf('/');
        role = slash < 0 ? rest : rest[..slash];
        return role.Length > 0;
    }

    private static string? AccountOf(string arn)
    {
        string[] parts = arn.Split(':');
        return parts.Length > 4 ? parts[4] : null;
    }

    internal static string? LastSegment(string? arn)
    {
        if (arn is null)
        {
            return null;
        }

        int slash = arn.LastIndexOf('/');
        return slash >= 0 ? arn[(slash + 1)..] : null;
    }

    // Recurring values (ARNs, names, types) are made into strings once per thread (TextCache).
    private static string? Text(JsonNode node) => TextCache.Text(node);
}
