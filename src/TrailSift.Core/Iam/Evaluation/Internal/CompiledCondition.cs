using System.Collections.Immutable;
using System.Text;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Iam.Policy.Internal;

namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>
/// One condition entry with its policy values parsed for its operator family once, at policy-set creation.
/// Evaluation follows iam-eval.md §6: values ORed (NOR for negated operators), missing key false for positive
/// and true for negated operators, <c>IfExists</c> true when missing, <c>ForAllValues</c> true and
/// <c>ForAnyValue</c> false when missing or empty, plain operators never match a multivalued key.
/// Immutable; thread-safe.
/// </summary>
internal sealed class CompiledCondition
{
    private readonly string[] _strings;
    private readonly VariableTemplate?[] _templates;
    private readonly decimal?[] _numbers = [];
    private readonly long?[] _dates = [];
    private readonly bool?[] _bools = [];
    private readonly byte[]?[] _binaries = [];
    private readonly IpRange?[] _ranges = [];

    public CompiledCondition(PolicyCondition source, bool variables)
    {
        Source = source;
        Operator = source.Operator;
        int count = source.Values.Length;
        _strings = new string[count];
        _templates = new VariableTemplate?[count];
        for (int i = 0; i < count; i++)
        {
            _strings[i] = source.Values[i].Text;
        }

        if (Operator is not { } op)
        {
            return;
        }

        if (variables && op.AllowsVariables)
        {
            for (int i = 0; i < count; i++)
            {
                _templates[i] = VariableTemplate.TryCompile(_strings[i]);
            }
        }

        switch (Family)
        {
            case OperatorFamily.Numeric:
                _numbers = Parse<decimal?>(_strings, s => ConditionValueParsers.TryParseNumber(s, out decimal d) ? d : null);
                break;
            case OperatorFamily.Date:
                _dates = Parse<long?>(_strings, s => ConditionValueParsers.TryParseDate(s, out long t) ? t : null);
                break;
            case OperatorFamily.Bool:
            case OperatorFamily.Null:
                _bools = Parse<bool?>(_strings, s => ConditionValueParsers.TryParseBool(s, out bool b) ? b : null);
                break;
            case OperatorFamily.Binary:
                _binaries = Parse<byte[]?>(_strings, s => ConditionValueParsers.TryParseBase64(s, out byte[]? b) ? b : null);
                break;
            case OperatorFamily.Ip:
                _ranges = Parse<IpRange?>(_strings, s => ConditionValueParsers.TryParseCidr(s, out IpRange r) ? r : null);
                break;
        }
    }

    private enum OperatorFamily
    {
        String,
        Numeric,
        Date,
        Bool,
        Binary,
        Ip,
        Arn,
        Null,
    }

    public PolicyCondition Source { get; }

    public ConditionOperator? Operator { get; }

    private OperatorFamily Family => Operator!.Value.Kind switch
    {
        <= ConditionOperatorKind.StringNotLike => OperatorFamily.String,
        <= ConditionOperatorKind.NumericGreaterThanEquals => OperatorFamily.Numeric,
        <= ConditionOperatorKind.DateGreaterThanEquals => OperatorFamily.Date,
        ConditionOperatorKind.Bool => OperatorFamily.Bool,
        ConditionOperatorKind.BinaryEquals => OperatorFamily.Binary,
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => OperatorFamily.Ip,
        ConditionOperatorKind.Null => OperatorFamily.Null,
        _ => OperatorFamily.Arn,
    };

    public Tri Evaluate(EvaluationState state)
    {
        string key = Source.Key;
        if (Operator is not { } op)
        {
            return Fail(state, Tri.False, missing: false, unknown: false, default, "unknown operator; the condition never matches");
        }

        RequestContext context = state.Context;
        if (context.IsUnknown(key))
        {
            state.NoteUnknown(key);
            return Fail(state, Tri.Unknown, missing: false, unknown: true, default, null);
        }

        bool present = context.TryGetValue(key, out ContextValue value);
        if (op.Kind == ConditionOperatorKind.Null)
        {
            bool absent = !present || value.Count == 0;
            for (int i = 0; i < _bools.Length; i++)
            {
                if (_bools[i] == absent)
                {
                    return Tri.True;
                }
            }

            return Fail(state, Tri.False, missing: absent, unknown: false, value, null);
        }

        if (!present)
        {
            state.NoteMissing(key);
            bool whenMissing = op.IfExists || op.Qualifier == SetQualifier.ForAllValues
                || (op.Qualifier == SetQualifier.None && op.IsNegated);
            return whenMissing ? Tri.True : Fail(state, Tri.False, missing: true, unknown: false, default, null);
        }

        if (op.Qualifier == SetQualifier.None && value.IsMultiValued)
        {
            return Fail(state, Tri.False, missing: false, unknown: false, value,
                "multivalued key with a single-value operator (use ForAnyValue: or ForAllValues:)");
        }

        if (value.Count == 0)
        {
            return op.Qualifier == SetQualifier.ForAllValues ? Tri.True : Fail(state, Tri.False, false, false, value, "the key has no values");
        }

        bool forAll = op.Qualifier == SetQualifier.ForAllValues;
        Tri result = forAll ? Tri.True : Tri.False;
        for (int r = 0; r < value.Count; r++)
        {
            Tri one = MatchAny(state, op, value[r]);
            if (op.IsNegated)
            {
                one = TriLogic.Not(one);
            }

            result = forAll ? TriLogic.And(result, one) : TriLogic.Or(result, one);
            if (result == (forAll ? Tri.False : Tri.True))
            {
                break;
            }
        }

        return result == Tri.True ? Tri.True : Fail(state, result, false, result == Tri.Unknown, value, null);
    }

    private Tri MatchAny(EvaluationState state, ConditionOperator op, string requestValue)
    {
        Tri result = Tri.False;
        for (int i = 0; i < _strings.Length && result != Tri.True; i++)
        {
            result = TriLogic.Or(result, MatchOne(state, op, requestValue, i));
        }

        return result;
    }

    private Tri MatchOne(EvaluationState state, ConditionOperator op, string requestValue, int i)
    {
        switch (Family)
        {
            case OperatorFamily.Numeric:
                return TriLogic.Of(_numbers[i] is { } number && ConditionValueParsers.TryParseNumber(requestValue, out decimal actual)
                    && Compare(op.Kind - ConditionOperatorKind.NumericEquals, actual.CompareTo(number)));
            case OperatorFamily.Date:
                return TriLogic.Of(_dates[i] is { } date && ConditionValueParsers.TryParseDate(requestValue, out long ticks)
                    && Compare(op.Kind - ConditionOperatorKind.DateEquals, ticks.CompareTo(date)));
            case OperatorFamily.Binary:
                return TriLogic.Of(_binaries[i] is { } expected && RequestBytes(requestValue).AsSpan().SequenceEqual(expected));
            case OperatorFamily.Ip:
                return TriLogic.Of(_ranges[i] is { } range && ConditionValueParsers.TryParseAddress(requestValue, out byte[]? address)
                    && range.Contains(address));
        }

        bool pattern = op.Kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike || Family == OperatorFamily.Arn;
        string policyValue = _strings[i];
        if (_templates[i] is { } template)
        {
            Tri resolved = template.Resolve(state.Context, pattern, out string? text, state);
            if (resolved != Tri.True)
            {
                return resolved;
            }

            policyValue = text!;
        }

        switch (op.Kind)
        {
            case ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals:
                return TriLogic.Of(string.Equals(policyValue, requestValue, StringComparison.Ordinal));
            case ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase:
                return TriLogic.Of(string.Equals(policyValue, requestValue, StringComparison.OrdinalIgnoreCase));
            case ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike:
                return TriLogic.Of(WildcardMatch.IsMatch(policyValue, requestValue, ignoreCase: false));
            case ConditionOperatorKind.Bool:
                return TriLogic.Of(ConditionValueParsers.TryParseBool(policyValue, out bool expected)
                    && ConditionValueParsers.TryParseBool(requestValue, out bool actual) && expected == actual);
            default:
                return TriLogic.Of(ArnLike(policyValue, requestValue));
        }
    }

    /// <summary>ArnEquals and ArnLike behave alike: per colon-separated segment, case-sensitive.</summary>
    private static bool ArnLike(string pattern, string value)
    {
        if (pattern == "*")
        {
            return true;
        }

        ArnSegments valueSegments = ArnSegments.Split(value);
        if (!valueSegments.IsValid)
        {
            return false;
        }

        ArnSegments patternSegments = ArnSegments.Split(pattern);
        return patternSegments.IsValid
            ? ArnSegments.MatchBySegment(pattern, patternSegments, value, valueSegments, ignoreCaseInPrefix: false, textIsPattern: false)
            : WildcardMatch.IsMatch(pattern, value, ignoreCase: false);
    }

    /// <summary>Relation index 0..5 = Equals, NotEquals, LessThan, LessThanEquals, GreaterThan, GreaterThanEquals.
    /// NotEquals reports equality here because negation is applied by the caller as NOR.</summary>
    private static bool Compare(int relation, int comparison) => relation switch
    {
        0 or 1 => comparison == 0,
        2 => comparison < 0,
        3 => comparison <= 0,
        4 => comparison > 0,
        _ => comparison >= 0,
    };

    private static byte[] RequestBytes(string value) =>
        ConditionValueParsers.TryParseBase64(value, out byte[]? bytes) ? bytes : Encoding.UTF8.GetBytes(value);

    private static T[] Parse<T>(string[] values, Func<string, T> parse)
    {
        var result = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = parse(values[i]);
        }

        return result;
    }

    private Tri Fail(EvaluationState state, Tri result, bool missing, bool unknown, ContextValue value, string? note)
    {
        if (state.Tracing)
        {
            state.AddConditionTrace(new ConditionTrace(Source.OperatorName, Source.Key, [.. _strings],
                value.Count == 0 ? [] : value.Values, result == Tri.Unknown ? MatchOutcome.Undecidable : MatchOutcome.NotMatched,
                missing, unknown, note));
        }

        return result;
    }
}
