using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Generalization;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>How <see cref="PolicyGenerator"/> lays out a policy.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PolicyGenerationOptions
{
    /// <summary>The size limit of an IAM managed policy, in characters without whitespace.</summary>
    public const int ManagedPolicyMaxSize = 6144;

    /// <summary>The catalog (resource-type support, action compression).</summary>
    public IamCatalog Catalog { get; init; } = IamCatalog.Default;

    /// <summary>How far observed resources are widened (default <see cref="GeneralizationMode.Safe"/>).</summary>
    public GeneralizationMode Generalization { get; init; } = GeneralizationMode.Safe;

    /// <summary>True to replace action lists by wildcards that cover no catalog action outside the list.</summary>
    public bool CompressActions { get; init; }

    /// <summary>The largest document, in characters without whitespace; larger policies are split.</summary>
    public int MaxSize { get; init; } = ManagedPolicyMaxSize;
}
