using TrailSift.Core.Json;

namespace TrailSift.Core.Events;

/// <summary>
/// The one place that decides who the principal of an event is (GUIDE.md, "Shared vocabulary"). Every analysis —
/// <c>denied</c>, <c>policy</c>, <c>check</c>, <c>actions</c>, <c>unused</c> — groups and judges calls by
/// <see cref="ResolvedPrincipal.Key"/>, with the same fallback order:
/// <list type="number">
/// <item><c>sessionContext.sessionIssuer.arn</c>: the role behind a session, with its path (for a federated user, its IAM user);</item>
/// <item>a role session without an issuer: the role of its <c>assumed-role/</c> ARN (<c>arn:…:iam::ACCOUNT:role/NAME</c>, path not shown);</item>
/// <item>the caller's own <c>arn</c> (user, root, federated user);</item>
/// <item>the root user without an ARN: <c>arn:…:iam::ACCOUNT:root</c>;</item>
/// <item>otherwise no key: a service, another account, an anonymous caller, a web-identity or SAML caller without an ARN.</item>
/// </list>
/// </summary>
/// <remarks>Thread-safe: its only state is each thread's memo of recent callers (<see cref="PrincipalMemo"/>).</remarks>
public static class PrincipalResolver
{
    /// <summary>Resolves the caller of an event.</summary>
    public static ResolvedPrincipal Resolve(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Resolve(record.UserIdentity);
    }

    /// <summary>Resolves the caller described by a <c>userIdentity</c> node (missing or not an object: unknown).</summary>
    public static ResolvedPrincipal Resolve(JsonNode userIdentity)
    {
        // The answer depends on the object's bytes alone: a recurring identity is answered by this thread's memo.
        if (userIdentity.Kind != JsonKind.Object)
        {
            return ResolveFields(userIdentity);
        }

        ReadOnlySpan<byte> bytes = userIdentity.RawJson;
        if (PrincipalMemo.TryGet(bytes, out ResolvedPrincipal known))
        {
            return known;
        }

        ResolvedPrincipal caller = ResolveFields(userIdentity);
        PrincipalMemo.Keep(bytes, caller);
        return caller;
    }

    /// <summary>Resolves the caller from the fields of a <c>userIdentity</c> node (the memo's oracle).</summary>
    internal static ResolvedPrincipal ResolveFields(JsonNode userIdentity)
    {
        PrincipalIdentity identity = PrincipalIdentity.From(userIdentity, out JsonNode accountId);
        string? type = identity.Type;
        string? account = Text(accountId);
        CallerKind kind = KindOf(type, identity.Arn, account);
        string? key = kind is CallerKind.Service or CallerKind.Account or CallerKind.Anonymous ? null
            : identity.IssuerArn ?? RoleOf(identity.Arn) ?? identity.Arn ?? RootOf(kind, account);
        string display = key
            ?? (kind == CallerKind.Service && userIdentity.Kind == JsonKind.Object ? Text(userIdentity.GetProperty("invokedBy"u8)) : null)
            ?? Label(userIdentity, type, account)
            ?? "unknown";
        return new ResolvedPrincipal(kind, key, display, identity);
    }

    private static CallerKind KindOf(string? type, string? arn, string? account)
    {
        if (string.Equals(account, "anonymous", StringComparison.OrdinalIgnoreCase) || type == "Anonymous")
        {
            return CallerKind.Anonymous;
        }

        return type switch
        {
            "AssumedRole" => CallerKind.Role,
            "IAMUser" => CallerKind.User,
            "Root" => CallerKind.Root,
            "FederatedUser" or "SAMLUser" or "WebIdentityUser" => CallerKind.Federated,
            "AWSService" => CallerKind.Service,
            "AWSAccount" => CallerKind.Account,
            _ when arn is not null && arn.Contains(":assumed-role/", StringComparison.Ordinal) => CallerKind.Role,
            _ => CallerKind.Unknown,
        };
    }

    // A session's role when the issuer is not shown; the role's path is not in the session ARN.
    private static string? RoleOf(string? arn) => arn is null ? null : PrincipalIdentity.RoleOfSessionArn(arn);

    private static string? RootOf(CallerKind kind, string? account) =>
        kind == CallerKind.Root && account is not null ? $"arn:aws:iam::{account}:root" : null;

    // AWSAccount:111111111111, IAMUser:example-user, WebIdentityUser:sub, or the type alone.
    private static string? Label(JsonNode identity, string? type, string? account)
    {
        if (type is null)
        {
            return null;
        }

        string? who = type == "AWSAccount"
            ? account
            : Text(identity.GetProperty("userName"u8)) ?? Text(identity.GetProperty("principalId"u8)) ?? account;
        return who is null ? type : type + ":" + who;
    }

    private static string? Text(JsonNode node) => TextCache.Text(node);
}
