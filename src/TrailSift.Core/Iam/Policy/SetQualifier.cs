namespace TrailSift.Core.Iam.Policy;

/// <summary>The multivalued-key qualifier of a condition operator.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum SetQualifier
{
    /// <summary>No qualifier: the key is expected to be single-valued.</summary>
    None,

    /// <summary><c>ForAllValues:</c> every request value must match (true when the key is absent or empty).</summary>
    ForAllValues,

    /// <summary><c>ForAnyValue:</c> at least one request value must match (false when absent).</summary>
    ForAnyValue,
}
