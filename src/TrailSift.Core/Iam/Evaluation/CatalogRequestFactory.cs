using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// Builds <see cref="RequestContext"/>s with what the service authorization reference knows about the action and
/// the keys: an action without resource types is wildcard-only (only <c>"Resource": "*"</c> can grant it), and a
/// single value given for a multivalued key (<c>aws:TagKeys</c>, <c>aws:CalledVia</c>, <c>ec2:ResourceTag</c>…
/// lists) becomes a one-element list, so set operators see it as AWS would.
/// </summary>
/// <remarks>Immutable; thread-safe. The catalog is read only.</remarks>
public sealed class CatalogRequestFactory
{
    /// <summary>Creates a factory over <paramref name="catalog"/>.</summary>
    public CatalogRequestFactory(IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
    }

    /// <summary>A factory over <see cref="IamCatalog.Default"/>.</summary>
    public static CatalogRequestFactory Default { get; } = new(IamCatalog.Default);

    /// <summary>The catalog.</summary>
    public IamCatalog Catalog { get; }

    /// <summary>True when the catalog knows <paramref name="action"/> and it has no resource types.</summary>
    public bool IsWildcardOnly(string action) =>
        Catalog.TryGetAction(action, out ActionInfo? info) && !info.SupportsResourceLevelPermissions;

    /// <summary>True when the catalog types <paramref name="key"/> as a list (<c>ArrayOf…</c>).</summary>
    public bool IsMultivalued(string key) => Catalog.TryGetConditionKey(key, out ConditionKeyInfo? info) && info.IsMultivalued;

    /// <summary>Returns <paramref name="value"/> as a list when the catalog says the key is multivalued.</summary>
    public ContextValue Normalize(string key, ContextValue value) =>
        !value.IsMultiValued && IsMultivalued(key) ? new ContextValue([value[0]]) : value;

    /// <summary>Creates a request, filling <c>isWildcardOnlyAction</c> and list forms from the catalog.</summary>
    /// <param name="action">The action, <c>service:Name</c>.</param>
    /// <param name="resource">The resource ARN, ARN pattern, or <c>*</c>.</param>
    /// <param name="principal">The caller's ARN, or null for anonymous.</param>
    /// <param name="context">Context keys and values; single values of multivalued keys become lists.</param>
    /// <param name="unknownKeys">Keys whose values cannot be known.</param>
    /// <param name="resourceAccount">The resource's account, when the ARN does not say.</param>
    /// <param name="principalAccount">The caller's account, when the ARN does not say.</param>
    /// <param name="resourceMatch">How a resource pattern is read.</param>
    public RequestContext Create(string action, string resource, string? principal = null,
        IEnumerable<KeyValuePair<string, ContextValue>>? context = null, IEnumerable<string>? unknownKeys = null,
        string? resourceAccount = null, string? principalAccount = null, ResourceMatchMode resourceMatch = ResourceMatchMode.Every)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        List<KeyValuePair<string, ContextValue>>? normalized = null;
        if (context is not null)
        {
            normalized = context.TryGetNonEnumeratedCount(out int count) ? new(count) : [];
            foreach (KeyValuePair<string, ContextValue> pair in context)
            {
                normalized.Add(new(pair.Key, Normalize(pair.Key, pair.Value)));
            }
        }

        return new RequestContext(action, resource, principal, normalized, unknownKeys, resourceAccount, principalAccount,
            isWildcardOnlyAction: IsWildcardOnly(action), resourceMatch: resourceMatch);
    }
}
