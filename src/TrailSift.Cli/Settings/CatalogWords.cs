using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Cli.Settings;

/// <summary>Completion words from the IAM catalog: event names for <c>--event</c>, service prefixes for <c>--source</c>.</summary>
/// <remarks>Stateless; thread-safe. The catalog is loaded only when a word list is asked for.</remarks>
public static class CatalogWords
{
    /// <summary>Every action name of the catalog (API operations are event names), sorted.</summary>
    public static IEnumerable<string> EventNames() =>
        IamCatalog.Default.Services.SelectMany(s => s.Actions).Select(a => a.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>The catalog's service prefixes, sorted.</summary>
    public static IEnumerable<string> ServicePrefixes() =>
        IamCatalog.Default.Services.Select(s => s.Prefix).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
