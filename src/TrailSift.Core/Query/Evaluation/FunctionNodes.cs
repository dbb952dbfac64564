using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Evaluation;

/// <summary><c>select(c)</c>: the input once per truthy output of c.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class SelectNode(QNode condition) : QNode
{
    public QNode Condition { get; } = condition;

    public override bool IsSingle => false;

    public override Value Run(in Value input, Sink sink)
    {
        if (Condition.IsSingle)
        {
            Value c = Condition.Eval(input);
            return c.IsError ? c : c.IsTruthy ? sink.Emit(input) : Ok;
        }

        return Condition.Run(input, new ActionSink<(Value, Sink)>((input, sink), static (s, in c) =>
            c.IsTruthy ? s.Item2.Emit(s.Item1) : Ok));
    }

    public override Truth Test(in Value input)
    {
        Truth t = Condition.Test(input);
        return t == Truth.True && !input.IsTruthy ? Truth.False : t;
    }
}

/// <summary><c>empty</c>: no output.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal sealed class EmptyNode : QNode
{
    public static readonly EmptyNode Instance = new();

    public override bool IsSingle => false;

    public override Value Run(in Value input, Sink sink) => Ok;

    public override Truth Test(in Value input) => Truth.False;
}

/// <summary>The builtins this evaluator knows, by what they need.</summary>
internal enum Builtin
{
    Not,
    Length,
    Type,
    AsciiDowncase,
    AsciiUpcase,
    Any,
    All,
    Contains,
    StartsWith,
    EndsWith,
    Has,
    LTrimStr,
    RTrimStr,
    Test1,
}

/// <summary>A builtin of the input alone (<c>length</c>, <c>type</c>, <c>not</c>, ...).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class UnaryFunctionNode(Builtin function) : SingleNode
{
    public override Value Eval(in Value input) => function switch
    {
        Builtin.Not => ValueOps.Not(input),
        Builtin.Length => ValueOps.Length(input),
        Builtin.Type => ValueOps.TypeOf(input),
        Builtin.AsciiDowncase => ValueOps.AsciiCase(input, upper: false),
        Builtin.AsciiUpcase => ValueOps.AsciiCase(input, upper: true),
        Builtin.Any => ValueOps.AnyAll(input, all: false),
        _ => ValueOps.AnyAll(input, all: true),
    };
}

/// <summary>A builtin of the input and one argument (<c>contains(b)</c>, <c>has(k)</c>, <c>test(re)</c>, ...).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class ArgumentFunctionNode(Builtin function, QNode argument) : QNode
{
    private readonly RegexCache? _regexes = function == Builtin.Test1 ? new RegexCache() : null;

    public override bool IsSingle => argument.IsSingle;

    public override Value Eval(in Value input)
    {
        Value a = argument.Eval(input);
        return a.IsError ? a : Apply(input, a);
    }

    public override Value Run(in Value input, Sink sink) => IsSingle
        ? base.Run(input, sink)
        : Streams.Map(argument, input, sink, this, static (node, in a, in i) => node.Apply(i, a));

    private Value Apply(in Value input, in Value arg) => function switch
    {
        Builtin.Contains => ValueOps.Contains(input, arg),
        Builtin.StartsWith => ValueOps.StartsWith(input, arg, end: false),
        Builtin.EndsWith => ValueOps.StartsWith(input, arg, end: true),
        Builtin.Has => ValueOps.Has(input, arg),
        Builtin.LTrimStr => ValueOps.TrimString(input, arg, end: false),
        Builtin.RTrimStr => ValueOps.TrimString(input, arg, end: true),
        _ => Test1(input, arg, _regexes!),
    };

    // jq: def test($val): if string then test($val; null) elif array of 2+ then test(.[0]; .[1])
    // elif array of 1 then test(.[0]; null) else error.
    private static Value Test1(in Value input, in Value arg, RegexCache regexes)
    {
        if (arg.Kind == JsonKind.String)
        {
            return TestFunctionNode.Apply(input, arg, Value.Null, regexes);
        }

        if (arg.Kind == JsonKind.Array && arg.Count > 0)
        {
            return TestFunctionNode.Apply(input, arg.ElementAt(0), arg.Count > 1 ? arg.ElementAt(1) : Value.Null, regexes);
        }

        return Value.Error($"{arg.TypeName} not a string or array");
    }
}

/// <summary><c>test(re; flags)</c> with computed arguments.</summary>
/// <remarks>Thread-safe: compiled patterns are kept in a concurrent <see cref="RegexCache"/>.</remarks>
internal sealed class TestFunctionNode(QNode regex, QNode flags) : QNode
{
    private readonly RegexCache _regexes = new();

    public override bool IsSingle => regex.IsSingle && flags.IsSingle;

    public override Value Eval(in Value input)
    {
        Value f = flags.Eval(input);
        if (f.IsError)
        {
            return f;
        }

        Value r = regex.Eval(input);
        return r.IsError ? r : Apply(input, r, f, _regexes);
    }

    public override Value Run(in Value input, Sink sink) => IsSingle
        ? base.Run(input, sink)
        : Streams.Run(flags, regex, input, sink, (Input: input, Cache: _regexes), static (s, in r, in f) => Apply(s.Input, r, f, s.Cache));

    public static Value Apply(in Value input, in Value regex, in Value flags, RegexCache regexes)
    {
        if (input.Kind != JsonKind.String)
        {
            return Value.Error($"{input.TypeName} cannot be matched, as it is not a string");
        }

        if (regex.Kind != JsonKind.String)
        {
            return Value.Error($"{regex.TypeName} is not a string");
        }

        if (flags.Kind is not (JsonKind.String or JsonKind.Null))
        {
            return Value.Error($"{flags.TypeName} is not a string");
        }

        RegexFactory.CompiledRegex compiled = regexes.Get(
            regex.GetString(), flags.Kind == JsonKind.Null ? string.Empty : flags.GetString());
        return compiled.Regex is null ? Value.Error(compiled.Error!) : ValueOps.Test(input, compiled.Regex, compiled.NonEmpty);
    }
}
