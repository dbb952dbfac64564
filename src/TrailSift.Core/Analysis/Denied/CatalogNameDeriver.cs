using TrailSift.Core.Events;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// Interim <see cref="IPermissionDeriver"/> until the event → permission mapping (<c>Iam/Mapping</c>) is merged:
/// the action is the catalog action named like the event (<c>eventSource</c> host prefix + <c>eventName</c>, in the
/// catalog's spelling) and the resources are the ARNs of the event's <c>resources</c> field that fit one of the
/// action's resource types. No eventName → action table: events whose name is not an action derive nothing.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class CatalogNameDeriver : IPermissionDeriver
{
    private readonly IamCatalog _catalog;

    public CatalogNameDeriver(IamCatalog catalog)
    {
        _catalog = catalog;
    }

    /// <inheritdoc />
    public IReadOnlyList<DerivedPermission> Derive(EventRecord record)
    {
        JsonNode source = record.EventSource;
        JsonNode name = record.EventName;
        if (source.Kind != JsonKind.String || name.Kind != JsonKind.String)
        {
            return [];
        }

        string host = source.GetString();
        int dot = host.IndexOf('.');
        string prefix = dot > 0 ? host[..dot] : host;
        if (!_catalog.TryGetAction(prefix, name.GetString(), out ActionInfo? action))
        {
            return [];
        }

        List<DerivedPermission>? found = null;
        foreach (JsonNode resource in record.Root.GetProperty("resources"u8).EnumerateChildren())
        {
            JsonNode arn = resource.GetProperty("ARN"u8);
            if (arn.Kind == JsonKind.String && arn.GetString() is { } text && !action.FindResourceTypes(text).IsEmpty)
            {
                (found ??= []).Add(new DerivedPermission(action.FullName, text));
            }
        }

        return found ?? [new DerivedPermission(action.FullName, action.SupportsResourceLevelPermissions ? null : "*")];
    }
}
