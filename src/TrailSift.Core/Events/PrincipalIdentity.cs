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
    public static PrincipalIdentity From(JsonNode userIdentity) => From(userIdentity, out _);

    /// <summary>
    /// Reads the identities from a <c>userIdentity</c> node, and its <c>accountId</c> (undefined when absent), in one
    /// walk over its properties (a repeated name: the last, as <see cref="JsonNode.GetProperty(ReadOnlySpan{byte})"/> reads it).
    /// </summary>
    internal static PrincipalIdentity From(JsonNode userIdentity, out JsonNode accountId)
    {
        accountId = default;
        if (userIdentity.Kind != JsonKind.Object)
        {
            return default;
        }

        Fields caller = Read(userIdentity);
        Fields issuer = Read(caller[(int)Field.SessionContext].GetProperty("sessionIssuer"u8));
        accountId = caller[(int)Field.AccountId];
        string? arn = Text(caller[(int)Field.Arn]);
        string? issuerArn = Text(issuer[(int)Field.Arn]);
        string? issuerName = Text(issuer[(int)Field.UserName]);
        if (issuerName is null && arn is not null && TryRoleOfSession(arn, out string role))
        {
            issuerName = role;
        }

        return new PrincipalIdentity(arn, issuerArn, Text(caller[(int)Field.UserName]) ?? SegmentMemo.LastSegment(arn), issuerName, Text(caller[(int)Field.Type]));
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

    // The fields read here of an object, in one walk (the last of a repeated name).
    private static Fields Read(JsonNode node)
    {
        Fields fields = default;
        foreach (JsonNode.PropertyEnumerator property in node.EnumerateProperties())
        {
            fields[(int)FieldOf(property.Name)] = property.Value; // Field.None's slot takes the rest
        }

        return fields;
    }

    // Which of the fields read here a property name is: by length, then bytes (an escaped name is decoded to compare).
    private static Field FieldOf(JsonNode name)
    {
        if (name.HasEscapes)
        {
            return name.StringEquals("arn"u8) ? Field.Arn : name.StringEquals("userName"u8) ? Field.UserName
                : name.StringEquals("sessionContext"u8) ? Field.SessionContext : name.StringEquals("type"u8) ? Field.Type
                : name.StringEquals("accountId"u8) ? Field.AccountId : Field.None;
        }

        ReadOnlySpan<byte> raw = name.RawStringContent;
        return raw.Length switch
        {
            3 when raw.SequenceEqual("arn"u8) => Field.Arn,
            4 when raw.SequenceEqual("type"u8) => Field.Type,
            8 when raw.SequenceEqual("userName"u8) => Field.UserName,
            9 when raw.SequenceEqual("accountId"u8) => Field.AccountId,
            14 when raw.SequenceEqual("sessionContext"u8) => Field.SessionContext,
            _ => Field.None,
        };
    }

    // Recurring values (ARNs, names, types) are made into strings once per thread (TextCache).
    private static string? Text(JsonNode node) => TextCache.Text(node);

    private enum Field
    {
        None,
        Arn,
        UserName,
        SessionContext,
        Type,
        AccountId,
    }

    // A node per Field, indexed by it.
    [System.Runtime.CompilerServices.InlineArray(6)]
    private struct Fields
    {
        private JsonNode _none;
    }
}
