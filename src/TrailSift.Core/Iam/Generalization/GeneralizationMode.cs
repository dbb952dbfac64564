namespace TrailSift.Core.Iam.Generalization;

/// <summary>How far <see cref="ResourceGeneralizer"/> may widen observed resource ARNs into wildcards.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum GeneralizationMode
{
    /// <summary>Keep every distinct observed value exactly as seen.</summary>
    None,

    /// <summary>Default: a wildcard only for a stable name stem shared by at least two values, never at the resource-type level.</summary>
    Safe,

    /// <summary>One wildcard per account, region, partition, service and resource type, down to the resource-type level (<c>…:*</c>).</summary>
    Aggressive,
}
