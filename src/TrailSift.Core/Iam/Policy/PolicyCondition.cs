using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// One <c>operator → key → values</c> entry of a statement's <c>Condition</c> block. A statement keeps its
/// conditions as a flat list in document order; entries sharing an operator were written under one
/// operator object.
/// </summary>
/// <remarks>Immutable and thread-safe. Equality is structural.</remarks>
public sealed class PolicyCondition : IEquatable<PolicyCondition>
{
    /// <summary>Creates a condition entry.</summary>
    public PolicyCondition(string operatorName, string key, ImmutableArray<ConditionValue> values, bool isArray)
    {
        OperatorName = operatorName;
        Operator = ConditionOperator.TryParse(operatorName, out ConditionOperator op) ? op : null;
        Key = key;
        Values = values.IsDefault ? [] : values;
        IsArray = isArray;
    }

    /// <summary>The operator exactly as written, such as <c>ForAnyValue:StringLikeIfExists</c>.</summary>
    public string OperatorName { get; }

    /// <summary>The parsed operator, or null when <see cref="OperatorName"/> is not a known operator.</summary>
    public ConditionOperator? Operator { get; }

    /// <summary>The condition key as written (keys compare case-insensitively).</summary>
    public string Key { get; }

    /// <summary>The values in document order (ORed for positive operators).</summary>
    public ImmutableArray<ConditionValue> Values { get; }

    /// <summary>True when the values were written as a JSON array.</summary>
    public bool IsArray { get; }

    /// <inheritdoc/>
    public bool Equals(PolicyCondition? other)
    {
        if (other is null || other.IsArray != IsArray || other.Values.Length != Values.Length
            || !string.Equals(other.OperatorName, OperatorName, StringComparison.Ordinal)
            || !string.Equals(other.Key, Key, StringComparison.Ordinal))
        {
            return false;
        }

        for (int i = 0; i < Values.Length; i++)
        {
            if (Values[i] != other.Values[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PolicyCondition);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(OperatorName, Key, Values.Length, IsArray);

    /// <inheritdoc/>
    public override string ToString() => $"{OperatorName}: {Key} = [{string.Join(", ", Values)}]";
}
