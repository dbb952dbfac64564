namespace TrailSift.Core.Iam.Policy;

/// <summary>The JSON kind a condition value was written as (AWS accepts strings, numbers and booleans).</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum ConditionValueKind
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number; the text is the number exactly as written.</summary>
    Number,

    /// <summary>A JSON boolean; the text is <c>true</c> or <c>false</c>.</summary>
    Boolean,
}
