using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// An allowed request as the verification replay needs it, kept per distinct request during the scan: the action, the
/// resource and how it is matched, the caller and the accounts, and the principal's policy keys only (each key's values,
/// in the policy keys' order, and the keys whose values are unknown). <see cref="Request()"/> builds the evaluator's request
/// when the principal is analysed, so the scan keeps no dictionary per request.
/// </summary>
/// <remarks>
/// Equal when the requests are alike for the replay: action, resource, match mode, accounts, wildcard-only action, and per
/// policy key the same unknownness and the same values (count and text, ordinal). The caller is not compared: the
/// distinct request keeps the caller of the call that names it (<see cref="UsageCollector"/>).
/// </remarks>
internal sealed class KeptRequest : IEquatable<KeptRequest>
{
    private readonly KeyValuePair<string, ContextValue>[] _values;
    private readonly string[] _unknown;

    private KeptRequest(string action, string resource, string? principal, string? resourceAccount, string? principalAccount,
        bool isWildcardOnlyAction, ResourceMatchMode resourceMatch, KeyValuePair<string, ContextValue>[] values, string[] unknown)
    {
        Action = action;
        Resource = resource;
        Principal = principal;
        ResourceAccount = resourceAccount;
        PrincipalAccount = principalAccount;
        IsWildcardOnlyAction = isWildcardOnlyAction;
        ResourceMatch = resourceMatch;
        _values = values;
        _unknown = unknown;
    }

    public string Action { get; }

    public string Resource { get; }

    public string? Principal { get; }

    public string? ResourceAccount { get; }

    public string? PrincipalAccount { get; }

    public bool IsWildcardOnlyAction { get; }

    public ResourceMatchMode ResourceMatch { get; }

    /// <summary>What the replay keeps of <paramref name="request"/>: its policy keys' values and unknownness only.</summary>
    public static KeptRequest Of(RequestContext request, IReadOnlyList<string> policyKeys)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policyKeys);
        List<KeyValuePair<string, ContextValue>>? values = null;
        List<string>? unknown = null;
        foreach (string key in policyKeys)
        {
            if (request.IsUnknown(key))
            {
                (unknown ??= []).Add(key);
            }
            else if (request.TryGetValue(key, out ContextValue value))
            {
                (values ??= []).Add(new(key, value));
            }
        }

        return new KeptRequest(request.Action, request.Resource, request.Principal, request.ResourceAccount, request.PrincipalAccount,
            request.IsWildcardOnlyAction, request.ResourceMatch, values is null ? [] : [.. values], unknown is null ? [] : [.. unknown]);
    }

    /// <summary>This request with <paramref name="resource"/> as its resource, every other field alike (itself when the resource is its own).</summary>
    public KeptRequest WithResource(string resource) =>
        string.Equals(resource, Resource, StringComparison.Ordinal) ? this
            : new KeptRequest(Action, resource, Principal, ResourceAccount, PrincipalAccount, IsWildcardOnlyAction, ResourceMatch, _values, _unknown);

    /// <summary>
    /// The same request with its texts taken from <paramref name="strings"/>: the principal, accounts and context values
    /// repeat across a principal's distinct requests, and one copy of each is kept.
    /// </summary>
    public KeptRequest Shared(TextInterner strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var values = new KeyValuePair<string, ContextValue>[_values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            (string key, ContextValue value) = _values[i];
            values[i] = new(key, value.IsMultiValued ? ContextValue.Multi([.. value.Values.Select(strings.Share)]) : new ContextValue(strings.Share(value[0])));
        }

        return new KeptRequest(strings.Share(Action), strings.Share(Resource), Share(Principal), Share(ResourceAccount), Share(PrincipalAccount),
            IsWildcardOnlyAction, ResourceMatch, values, _unknown);

        string? Share(string? text) => text is null ? null : strings.Share(text);
    }

    /// <summary>The request the evaluator replays: the kept values and unknown keys, no derived global keys.</summary>
    public RequestContext Request() => Request(Resource);

    /// <summary><see cref="Request()"/> on <paramref name="resource"/> instead of the kept resource (no copy of this request made).</summary>
    public RequestContext Request(string resource) =>
        new(Action, resource, Principal, _values, _unknown, ResourceAccount, PrincipalAccount, IsWildcardOnlyAction,
            deriveGlobalKeys: false, ResourceMatch);

    /// <summary>
    /// Compares requests as <see cref="Equals(KeptRequest?)"/> does but for the resource, which it leaves out, and the
    /// caller, which it compares too: requests that differ in nothing but their resource.
    /// </summary>
    public static IEqualityComparer<KeptRequest> ButResource { get; } = new ButResourceComparer();

    /// <inheritdoc />
    public bool Equals(KeptRequest? other) => other is not null && string.Equals(Resource, other.Resource, StringComparison.Ordinal) && AlikeButResource(other);

    /// <summary><see cref="Equals(KeptRequest?)"/> but for the resource: alike for the replay once both have one resource.</summary>
    public bool AlikeButResource(KeptRequest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!(string.Equals(Action, other.Action, StringComparison.Ordinal)
            && ResourceMatch == other.ResourceMatch && string.Equals(PrincipalAccount, other.PrincipalAccount, StringComparison.Ordinal)
            && string.Equals(ResourceAccount, other.ResourceAccount, StringComparison.Ordinal) && IsWildcardOnlyAction == other.IsWildcardOnlyAction
            && _values.Length == other._values.Length && _unknown.Length == other._unknown.Length))
        {
            return false;
        }

        for (int i = 0; i < _unknown.Length; i++)
        {
            if (!string.Equals(_unknown[i], other._unknown[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        for (int i = 0; i < _values.Length; i++)
        {
            (string key, ContextValue value) = _values[i];
            (string otherKey, ContextValue otherValue) = other._values[i];
            if (!string.Equals(key, otherKey, StringComparison.Ordinal) || value.Count != otherValue.Count)
            {
                return false;
            }

            for (int v = 0; v < value.Count; v++)
            {
                if (!string.Equals(value[v], otherValue[v], StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as KeptRequest);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(HashButResource(), StringComparer.Ordinal.GetHashCode(Resource));

    /// <summary>A hash that agrees with <see cref="AlikeButResource"/>.</summary>
    public int HashButResource()
    {
        var hash = new HashCode();
        hash.Add(Action, StringComparer.Ordinal);
        hash.Add(ResourceMatch);
        hash.Add(PrincipalAccount, StringComparer.Ordinal);
        foreach ((string _, ContextValue value) in _values)
        {
            hash.Add(value.Count);
            hash.Add(value.Count > 0 ? value[0] : null, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private sealed class ButResourceComparer : IEqualityComparer<KeptRequest>
    {
        public bool Equals(KeptRequest? x, KeptRequest? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && string.Equals(x.Principal, y.Principal, StringComparison.Ordinal) && x.AlikeButResource(y));

        public int GetHashCode(KeptRequest obj) => obj.HashButResource();
    }
}
