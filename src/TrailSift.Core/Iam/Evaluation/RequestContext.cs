using TrailSift.Core.Iam.Evaluation.Internal;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// One request to evaluate: who (an ARN such as a user, a role session <c>arn:aws:sts::…:assumed-role/R/S</c>,
/// a service principal such as <c>lambda.amazonaws.com</c>, or null for anonymous), the action, the resource
/// (an ARN, a pattern with wildcards meaning "all of these", or <c>*</c>), the accounts, the context keys
/// (single or multivalued; names compare case-insensitively) and the keys whose value is unknown. A key in
/// <see cref="UnknownKeys"/> makes every condition and variable that reads it undecidable instead of absent;
/// an entry ending in <c>*</c> marks every key with that prefix (<c>aws:PrincipalTag/*</c>).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Unless given or unknown, the global keys <c>aws:PrincipalArn</c>,
/// <c>aws:PrincipalAccount</c>, <c>aws:PrincipalType</c>, <c>aws:username</c> (users),
/// <c>aws:PrincipalIsAWSService</c>, <c>aws:PrincipalServiceName</c> (services) and <c>aws:ResourceAccount</c>
/// are derived from the principal and accounts, as AWS always sets them.
/// </remarks>
public sealed class RequestContext
{
    private readonly string[] _unknownPrefixes;

    // Plain collections, not frozen ones: a request is built per call replayed, read a few times and dropped, and a
    // frozen collection's construction costs more than the lookups it would save.
    private readonly Dictionary<string, ContextValue> _context;
    private readonly HashSet<string> _unknown;

    // The resource account was given: then nothing but the resource itself depends on the resource (WithResource).
    private readonly bool _resourceAccountGiven;

    /// <summary>Creates a request.</summary>
    /// <param name="action">The action, <c>service:Name</c> (case-insensitive).</param>
    /// <param name="resource">The resource ARN, an ARN pattern, or <c>*</c>.</param>
    /// <param name="principal">The caller, or null for an anonymous request.</param>
    /// <param name="context">Context keys and values.</param>
    /// <param name="unknownKeys">Keys whose values cannot be known (for example tags when replaying CloudTrail).</param>
    /// <param name="resourceAccount">The account owning the resource; defaults to the resource ARN's account, then the caller's.</param>
    /// <param name="principalAccount">The caller's account; defaults to the principal ARN's account.</param>
    /// <param name="isWildcardOnlyAction">True when the action has no resource types in the service authorization
    /// reference (for example <c>s3:ListAllMyBuckets</c>): only <c>"Resource": "*"</c> can then grant it.</param>
    /// <param name="deriveGlobalKeys">Whether to derive the global keys listed in the remarks.</param>
    /// <param name="resourceMatch">How a resource pattern is read (see <see cref="ResourceMatchMode"/>).</param>
    public RequestContext(string action, string resource, string? principal = null,
        IEnumerable<KeyValuePair<string, ContextValue>>? context = null, IEnumerable<string>? unknownKeys = null,
        string? resourceAccount = null, string? principalAccount = null, bool isWildcardOnlyAction = false,
        bool deriveGlobalKeys = true, ResourceMatchMode resourceMatch = ResourceMatchMode.Every)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        Action = action;
        IsWildcardOnlyAction = isWildcardOnlyAction;
        Resource = isWildcardOnlyAction ? "*" : resource;
        Principal = principal;
        ResourceMatch = resourceMatch;
        PrincipalInfo = PrincipalInfo.Parse(principal);
        PrincipalAccount = principalAccount ?? PrincipalInfo.Account;
        ResourceAccount = resourceAccount ?? AccountOf(resource) ?? PrincipalAccount;
        _resourceAccountGiven = resourceAccount is not null;

        var unknown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var prefixes = new List<string>();
        foreach (string key in unknownKeys ?? [])
        {
            unknown.Add(key);
            if (key.EndsWith('*'))
            {
                prefixes.Add(key[..^1]);
            }
        }

        _unknown = unknown;
        _unknownPrefixes = [.. prefixes];

        // Sized for the keys given and derived: the table is not grown (and copied) two or three times per request.
        int given = context is not null && context.TryGetNonEnumeratedCount(out int count) ? count : 0;
        var values = new Dictionary<string, ContextValue>(given + (deriveGlobalKeys ? DerivedKeyCount() : 0), StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, ContextValue> pair in context ?? [])
        {
            values[pair.Key] = pair.Value;
        }

        if (deriveGlobalKeys)
        {
            DeriveGlobalKeys(values);
        }

        _context = values;
        ResourceIsPattern = Resource != "*" && WildcardMatch.HasWildcard(Resource);
        ActionIsPattern = WildcardMatch.HasWildcard(Action);
    }

    // This request on another resource, sharing everything else (WithResource).
    private RequestContext(RequestContext shared, string resource)
    {
        Action = shared.Action;
        IsWildcardOnlyAction = shared.IsWildcardOnlyAction;
        Resource = IsWildcardOnlyAction ? "*" : resource;
        Principal = shared.Principal;
        ResourceMatch = shared.ResourceMatch;
        PrincipalInfo = shared.PrincipalInfo;
        PrincipalAccount = shared.PrincipalAccount;
        ResourceAccount = shared.ResourceAccount;
        _resourceAccountGiven = true;
        _unknown = shared._unknown;
        _unknownPrefixes = shared._unknownPrefixes;
        _context = shared._context;
        ResourceIsPattern = Resource != "*" && WildcardMatch.HasWildcard(Resource);
        ActionIsPattern = shared.ActionIsPattern;
    }

    /// <summary>The action.</summary>
    public string Action { get; }

    /// <summary>The resource (<c>*</c> for wildcard-only actions).</summary>
    public string Resource { get; }

    /// <summary>How a resource pattern is read: every resource it stands for (default), or some of them.</summary>
    public ResourceMatchMode ResourceMatch { get; }

    /// <summary>The caller, or null for anonymous.</summary>
    public string? Principal { get; }

    /// <summary>The caller's account, when known.</summary>
    public string? PrincipalAccount { get; }

    /// <summary>The resource's account, when known.</summary>
    public string? ResourceAccount { get; }

    /// <summary>True when the action is wildcard-only.</summary>
    public bool IsWildcardOnlyAction { get; }

    /// <summary>Context keys and values, including derived global keys (case-insensitive names).</summary>
    public IReadOnlyDictionary<string, ContextValue> Context => _context;

    /// <summary>Keys marked unknown (case-insensitive; entries ending in <c>*</c> are prefixes).</summary>
    public IReadOnlySet<string> UnknownKeys => _unknown;

    internal PrincipalInfo PrincipalInfo { get; }

    internal bool ResourceIsPattern { get; }

    internal bool ActionIsPattern { get; }

    /// <summary>True when the caller and the resource are in the same account (or either account is unknown).</summary>
    public bool IsSameAccount =>
        PrincipalAccount is null || ResourceAccount is null || string.Equals(PrincipalAccount, ResourceAccount, StringComparison.Ordinal);

    /// <summary>
    /// The request the constructor builds from this one's arguments with <paramref name="resource"/> instead, sharing this
    /// one's context, unknown keys and parsed caller (nothing copied); null when this request's resource account was not
    /// given (it, and the derived <c>aws:ResourceAccount</c>, may then come from the resource).
    /// </summary>
    internal RequestContext? WithResource(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _resourceAccountGiven ? new RequestContext(this, resource) : null;
    }

    /// <summary>Looks up a context key (case-insensitive).</summary>
    public bool TryGetValue(string key, out ContextValue value) => _context.TryGetValue(key, out value);

    /// <summary>True when the key was marked unknown, directly or through a prefix entry.</summary>
    public bool IsUnknown(string key)
    {
        if (_unknown.Count == 0)
        {
            return false;
        }

        if (_unknown.Contains(key))
        {
            return true;
        }

        foreach (string prefix in _unknownPrefixes)
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? AccountOf(string resource)
    {
        ReadOnlySpan<char> account = AccountSpanOf(resource);
        return account.IsEmpty ? null : account.ToString();
    }

    /// <summary>The account a resource ARN names (what <see cref="ResourceAccount"/> defaults to), or empty when it names none.</summary>
    internal static ReadOnlySpan<char> AccountSpanOf(string resource)
    {
        ArnSegments segments = ArnSegments.Split(resource);
        if (!segments.IsValid)
        {
            return default;
        }

        ReadOnlySpan<char> account = segments.Segment(resource, 4);
        // "aws" (AWS managed policies) is not an account: the caller's account is then the one that matters.
        return account.Length == 0 || WildcardMatch.HasWildcard(account) || account.SequenceEqual("aws") ? default : account;
    }

    private void DeriveGlobalKeys(Dictionary<string, ContextValue> values)
    {
        PrincipalInfo info = PrincipalInfo;
        string? principalArn = PrincipalArnKey(info);
        string? principalType = PrincipalTypeKey(info);
        Derive(values, "aws:PrincipalArn", principalArn);
        Derive(values, "aws:PrincipalAccount", PrincipalAccount);
        Derive(values, "aws:PrincipalType", principalType);
        Derive(values, "aws:username", info.UserName);
        Derive(values, "aws:ResourceAccount", ResourceAccount);
        if (info.Kind != PrincipalKind.Anonymous)
        {
            Derive(values, "aws:PrincipalIsAWSService", info.Kind == PrincipalKind.Service ? "true" : "false");
        }

        if (info.Kind == PrincipalKind.Service)
        {
            Derive(values, "aws:PrincipalServiceName", info.Text);
        }
    }

    // At most how many keys DeriveGlobalKeys adds (fewer when given or unknown): keep in step with it. Only a capacity:
    // a miscount costs a regrowth or a few empty slots, never a wrong answer.
    private int DerivedKeyCount()
    {
        PrincipalInfo info = PrincipalInfo;
        return (PrincipalArnKey(info) is null ? 0 : 1) + (PrincipalAccount is null ? 0 : 1) + (PrincipalTypeKey(info) is null ? 0 : 1)
            + (info.UserName is null ? 0 : 1) + (ResourceAccount is null ? 0 : 1) + (info.Kind == PrincipalKind.Anonymous ? 0 : 1)
            + (info.Kind == PrincipalKind.Service && info.Text is not null ? 1 : 0);
    }

    private static string? PrincipalArnKey(PrincipalInfo info) => info.Kind switch
    {
        PrincipalKind.AssumedRoleSession => info.RoleArn,
        PrincipalKind.Service or PrincipalKind.Anonymous => null,
        _ => info.Text,
    };

    private static string? PrincipalTypeKey(PrincipalInfo info) => info.Kind switch
    {
        PrincipalKind.User => "User",
        PrincipalKind.AssumedRoleSession or PrincipalKind.Role => "AssumedRole",
        PrincipalKind.FederatedUser => "FederatedUser",
        PrincipalKind.Root => "Account",
        PrincipalKind.Anonymous => "Anonymous",
        _ => null,
    };

    private void Derive(Dictionary<string, ContextValue> values, string key, string? value)
    {
        if (value is not null && !values.ContainsKey(key) && !IsUnknown(key))
        {
            values[key] = value;
        }
    }
}
