using System.Collections.Frozen;

namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// A parsed condition operator: base kind, <c>IfExists</c> flag and set qualifier, for example
/// <c>ForAnyValue:StringLikeIfExists</c>. Operator names are matched case-insensitively.
/// </summary>
/// <remarks>An immutable value type; thread-safe.</remarks>
/// <param name="Kind">The base operator.</param>
/// <param name="IfExists">True for the <c>…IfExists</c> form (a missing key makes the condition true).</param>
/// <param name="Qualifier">The set qualifier.</param>
public readonly record struct ConditionOperator(ConditionOperatorKind Kind, bool IfExists, SetQualifier Qualifier)
{
    private const string IfExistsSuffix = "IfExists";
    private const string ForAllPrefix = "ForAllValues:";
    private const string ForAnyPrefix = "ForAnyValue:";

    private static readonly FrozenDictionary<string, ConditionOperatorKind> Names = BuildNames();

    /// <summary>True for the operators whose multiple values combine as NOR (<c>StringNotEquals</c>, …).</summary>
    public bool IsNegated => Kind is ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase
        or ConditionOperatorKind.StringNotLike or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.DateNotEquals
        or ConditionOperatorKind.NotIpAddress or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike;

    /// <summary>True for operators whose values may contain policy variables (String, ARN and Bool families).</summary>
    public bool AllowsVariables => Kind is <= ConditionOperatorKind.StringNotLike or ConditionOperatorKind.Bool
        or (>= ConditionOperatorKind.ArnEquals and <= ConditionOperatorKind.ArnNotLike);

    /// <summary>Parses an operator name such as <c>ForAllValues:StringNotEqualsIfExists</c>.</summary>
    /// <returns>False when the name is not a known operator (including <c>NullIfExists</c> and set-qualified <c>Null</c>).</returns>
    public static bool TryParse(string name, out ConditionOperator result)
    {
        result = default;
        ReadOnlySpan<char> span = name;
        var qualifier = SetQualifier.None;
        if (span.StartsWith(ForAllPrefix, StringComparison.OrdinalIgnoreCase))
        {
            qualifier = SetQualifier.ForAllValues;
            span = span[ForAllPrefix.Length..];
        }
        else if (span.StartsWith(ForAnyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            qualifier = SetQualifier.ForAnyValue;
            span = span[ForAnyPrefix.Length..];
        }

        bool ifExists = false;
        if (span.Length > IfExistsSuffix.Length && span.EndsWith(IfExistsSuffix, StringComparison.OrdinalIgnoreCase))
        {
            ifExists = true;
            span = span[..^IfExistsSuffix.Length];
        }

        if (!Names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(span, out ConditionOperatorKind kind))
        {
            return false;
        }

        if (kind == ConditionOperatorKind.Null && (ifExists || qualifier != SetQualifier.None))
        {
            return false;
        }

        result = new ConditionOperator(kind, ifExists, qualifier);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string prefix = Qualifier switch
        {
            SetQualifier.ForAllValues => ForAllPrefix,
            SetQualifier.ForAnyValue => ForAnyPrefix,
            _ => string.Empty,
        };
        return prefix + Kind.ToString() + (IfExists ? IfExistsSuffix : string.Empty);
    }

    private static FrozenDictionary<string, ConditionOperatorKind> BuildNames()
    {
        var names = new Dictionary<string, ConditionOperatorKind>(StringComparer.OrdinalIgnoreCase);
        foreach (ConditionOperatorKind kind in Enum.GetValues<ConditionOperatorKind>())
        {
            names[kind.ToString()] = kind;
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
