using System.Collections.Immutable;
using System.Text.Json;

namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// The one codec of the catalog format (<see cref="CatalogFile"/>): <see cref="Write"/> is what tools/CatalogGen
/// writes, <see cref="Read"/> what <see cref="IamCatalog.Load"/> reads, so the two cannot drift apart. Writing gives
/// the same bytes for the same data (sorted property names, fixed omissions).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static partial class CatalogCodec
{
    /// <summary>Writes <paramref name="file"/> as compact JSON.</summary>
    public static void Write(Utf8JsonWriter json, CatalogFile file)
    {
        json.WriteStartObject();
        json.WriteStartArray("conditionPatterns");
        foreach (CatalogPattern p in file.ConditionPatterns)
        {
            json.WriteStartObject();
            json.WriteString("key", p.Key);
            json.WriteString("prefix", p.Prefix);
            json.WriteString("service", p.Service);
            json.WriteString("suffix", p.Suffix);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("formatVersion", file.FormatVersion);
        WriteKeys(json, "globalConditionKeys", file.GlobalConditionKeys);
        json.WriteStartArray("services");
        foreach (CatalogService service in file.Services)
        {
            WriteService(json, service);
        }

        json.WriteEndArray();
        CatalogFileSource source = file.Source ?? throw new InvalidOperationException("The catalog has no source.");
        json.WriteStartObject("source");
        json.WriteString("package", source.Package);
        if (source.UpdatedAt is { } updated)
        {
            json.WriteString("updatedAt", updated);
        }

        json.WriteString("version", source.Version);
        json.WriteEndObject();
        json.WriteStartObject("unassociatedConditions");
        foreach ((string prefix, ImmutableArray<string> services) in file.UnassociatedConditions)
        {
            WriteStrings(json, prefix, services);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteService(Utf8JsonWriter json, CatalogService service)
    {
        json.WriteStartObject();
        json.WriteStartArray("actions");
        foreach (CatalogAction action in service.Actions)
        {
            json.WriteStartObject();
            json.WriteString("accessLevel", action.AccessLevel);
            WriteStrings(json, "conditionKeys", action.ConditionKeys);
            WriteStrings(json, "dependentActions", action.DependentActions);
            json.WriteString("name", action.Name);
            if (action.ResourceTypes is { Count: > 0 } types)
            {
                json.WriteStartArray("resourceTypes");
                foreach (CatalogActionResourceType type in types)
                {
                    json.WriteStartObject();
                    WriteStrings(json, "conditionKeys", type.ConditionKeys);
                    WriteStrings(json, "dependentActions", type.DependentActions);
                    json.WriteString("name", type.Name);
                    if (type.Required)
                    {
                        json.WriteBoolean("required", true);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteKeys(json, "conditionKeys", service.ConditionKeys);
        json.WriteString("name", service.Name);
        json.WriteString("prefix", service.Prefix);
        if (service.Rcp)
        {
            json.WriteBoolean("rcp", true);
        }

        json.WriteStartArray("resourceTypes");
        foreach (CatalogResourceType type in service.ResourceTypes)
        {
            json.WriteStartObject();
            json.WriteString("arn", type.Arn);
            WriteStrings(json, "conditionKeys", type.ConditionKeys);
            json.WriteString("name", type.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteKeys(Utf8JsonWriter json, string name, List<CatalogKey> keys)
    {
        json.WriteStartArray(name);
        foreach (CatalogKey key in keys)
        {
            json.WriteStartObject();
            json.WriteString("key", key.Key);
            json.WriteString("type", key.Type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // An empty list is left out, name included.
    private static void WriteStrings(Utf8JsonWriter json, string name, ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
