using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Catalog;

// Loading, continued: turning the catalog file into the immutable model.
public sealed partial class IamCatalog
{
    private static ServiceInfo BuildService(CatalogService service)
    {
        string prefix = service.Prefix!;
        var types = ImmutableArray.CreateBuilder<ResourceTypeInfo>(service.ResourceTypes.Count);
        var byName = new Dictionary<string, ResourceTypeInfo>(service.ResourceTypes.Count, StringComparer.OrdinalIgnoreCase);
        foreach ((string typeName, string arn, ImmutableArray<string> keys) in service.ResourceTypes)
        {
            var type = new ResourceTypeInfo(prefix, typeName, ArnTemplate.Parse(arn), keys);
            types.Add(type);
            byName.TryAdd(typeName, type);
        }

        var actions = ImmutableArray.CreateBuilder<ActionInfo>(service.Actions.Count);
        foreach (CatalogAction raw in service.Actions)
        {
            ImmutableArray<ActionResourceType> actionTypes = [];
            if (raw.ResourceTypes is { Count: > 0 })
            {
                var builder = ImmutableArray.CreateBuilder<ActionResourceType>(raw.ResourceTypes.Count);
                foreach (CatalogActionResourceType t in raw.ResourceTypes)
                {
                    string typeName = t.Name ?? throw Missing("action resource type name");
                    builder.Add(new ActionResourceType(typeName, t.Required, byName.GetValueOrDefault(typeName), t.ConditionKeys, t.DependentActions));
                }

                actionTypes = builder.MoveToImmutable();
            }

            AccessLevel level = raw.AccessLevel is { } text ? ParseAccessLevel(text) : AccessLevel.None;
            actions.Add(new ActionInfo(prefix, raw.Name ?? throw Missing("action name"), level, actionTypes, raw.ConditionKeys, raw.DependentActions));
        }

        return new ServiceInfo(prefix, service.Name ?? prefix, service.Rcp, actions.MoveToImmutable(), types.MoveToImmutable(),
            BuildKeys(service.ConditionKeys, prefix));
    }

    private static ImmutableArray<ConditionKeyInfo> BuildKeys(List<CatalogKey> raw, string prefix)
    {
        var keys = ImmutableArray.CreateBuilder<ConditionKeyInfo>(raw.Count);
        foreach (CatalogKey key in raw)
        {
            keys.Add(new ConditionKeyInfo(prefix, key.Key, ParseType(key.Type)));
        }

        return keys.MoveToImmutable();
    }

    private static ImmutableArray<ConditionKeyPattern> ResolvePatterns(
        List<CatalogPattern> raw,
        ImmutableArray<ServiceInfo> services, ImmutableArray<ConditionKeyInfo> globalKeys)
    {
        var owners = new Dictionary<string, ServiceInfo>(services.Length, StringComparer.OrdinalIgnoreCase);
        foreach (ServiceInfo service in services)
        {
            owners.TryAdd(service.Prefix, service);
        }

        var patterns = new List<ConditionKeyPattern>(raw.Count);
        foreach (var (key, prefix, service, suffix) in raw)
        {
            ConditionKeyInfo? info = null;
            bool known = service == GlobalPrefix
                ? TryFindGlobal(globalKeys, key, out info)
                : owners.TryGetValue(service, out ServiceInfo? owner) && owner.TryGetConditionKey(key, out info);
            if (!known)
            {
                throw new InvalidDataException($"Condition pattern for '{key}' names a key that '{service}' does not have.");
            }

            patterns.Add(new ConditionKeyPattern(prefix, suffix, info!));
        }

        // Longer literals first, so "events:Metadata/${MetadataKey}/Matcher" wins over "events:Metadata/${MetadataKey}".
        patterns.Sort(static (a, b) =>
        {
            int bySuffix = b.Suffix.Length.CompareTo(a.Suffix.Length);
            return bySuffix != 0 ? bySuffix : b.Prefix.Length.CompareTo(a.Prefix.Length);
        });
        return [.. patterns];
    }

    private static bool TryFindGlobal(ImmutableArray<ConditionKeyInfo> globalKeys, string key, out ConditionKeyInfo? info)
    {
        foreach (ConditionKeyInfo candidate in globalKeys)
        {
            if (candidate.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                info = candidate;
                return true;
            }
        }

        info = null;
        return false;
    }

    private static AccessLevel ParseAccessLevel(string text)
    {
        AccessLevel level = AccessLevel.None;
        foreach (Range part in text.AsSpan().Split(','))
        {
            level |= text.AsSpan()[part].Trim() switch
            {
                "List" => AccessLevel.List,
                "Read" => AccessLevel.Read,
                "Write" => AccessLevel.Write,
                "Permissions management" => AccessLevel.PermissionsManagement,
                "Tagging" => AccessLevel.Tagging,
                _ => throw new InvalidDataException($"Unknown access level '{text}'."),
            };
        }

        return level;
    }

    private static ConditionKeyType ParseType(string text) => text switch
    {
        "ARN" => ConditionKeyType.Arn,
        "ArrayOfARN" => ConditionKeyType.ArrayOfArn,
        _ => Enum.TryParse(text, ignoreCase: false, out ConditionKeyType type) && !text.Contains(',', StringComparison.Ordinal)
            ? type
            : throw new InvalidDataException($"Unknown condition key type '{text}'."),
    };

    private static InvalidDataException Missing(string what) => new($"IAM catalog: missing {what}.");
}
