using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Catalog;

/*! The catalog file (format 1) as data, the one model of the format: tools/CatalogGen fills it from iam-data and
    writes it with CatalogCodec.Write; IamCatalog.Load reads it with CatalogCodec.Read and builds the immutable model.
    Layout (properties sorted; empty arrays and false flags omitted, except a service's three arrays):
    { "conditionPatterns": [ { "key", "prefix", "service", "suffix" } ], "formatVersion": 1,
      "globalConditionKeys": [ { "key", "type" } ],
      "services": [ { "actions": [ { "accessLevel", "conditionKeys"?, "dependentActions"?, "name",
           "resourceTypes"?: [ { "conditionKeys"?, "dependentActions"?, "name", "required"? } ] } ],
           "conditionKeys": [ { "key", "type" } ], "name", "prefix", "rcp"?,
           "resourceTypes": [ { "arn", "conditionKeys"?, "name" } ] } ],
      "source": { "package", "updatedAt"?, "version" },
      "unassociatedConditions": { "<key prefix>": [ "<service>" ] } }
    The reader skips unknown properties. */

/// <summary>The whole catalog file.</summary>
internal sealed class CatalogFile
{
    /// <summary>The format version; -1 when the file has none.</summary>
    public int FormatVersion { get; set; } = -1;

    public List<CatalogPattern> ConditionPatterns { get; init; } = [];

    public List<CatalogKey> GlobalConditionKeys { get; init; } = [];

    public List<CatalogService> Services { get; init; } = [];

    public CatalogFileSource? Source { get; set; }

    /// <summary>Key prefix → services, in the written order (the generator sorts both).</summary>
    public List<KeyValuePair<string, ImmutableArray<string>>> UnassociatedConditions { get; init; } = [];
}

/// <summary>A condition key and its type as written (<c>String</c>, <c>ARN</c>, <c>ArrayOfString</c>…).</summary>
internal readonly record struct CatalogKey(string Key, string Type);

/// <summary>A condition key pattern: <c>prefix${Parameter}suffix</c> owned by <c>service</c> (or <c>aws</c>).</summary>
internal readonly record struct CatalogPattern(string Key, string Prefix, string Service, string Suffix);

/// <summary>The package the catalog was made from.</summary>
internal sealed record CatalogFileSource(string Package, string Version, string? UpdatedAt);

/// <summary>One service.</summary>
internal sealed class CatalogService
{
    public string? Prefix;
    public string? Name;
    public bool Rcp;
    public List<CatalogAction> Actions = [];
    public List<CatalogKey> ConditionKeys = [];
    public List<CatalogResourceType> ResourceTypes = [];
}

/// <summary>One action of a service.</summary>
internal sealed class CatalogAction
{
    public string? Name;
    public string? AccessLevel;
    public ImmutableArray<string> ConditionKeys = [];
    public ImmutableArray<string> DependentActions = [];
    public List<CatalogActionResourceType>? ResourceTypes;
}

/// <summary>A resource type an action acts on.</summary>
internal sealed class CatalogActionResourceType
{
    public string? Name;
    public bool Required;
    public ImmutableArray<string> ConditionKeys = [];
    public ImmutableArray<string> DependentActions = [];
}

/// <summary>A resource type a service defines.</summary>
internal readonly record struct CatalogResourceType(string Name, string Arn, ImmutableArray<string> ConditionKeys);
