using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Query.Evaluation;

/// <summary>A constant.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class LiteralNode(Value value) : SingleNode
{
    public Value Value { get; } = value;

    public override Value Eval(in Value input) => Value;
}

/// <summary><c>a | b</c>.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class PipeNode(QNode left, QNode right, bool leftMayCatch = false) : QNode
{
    public override bool IsSingle => left.IsSingle && right.IsSingle;

    public override Value Eval(in Value input)
    {
        Value v = left.Eval(input);
        return v.IsError ? v : right.Eval(v);
    }

    public override Value Run(in Value input, Sink sink)
    {
        if (left.IsSingle)
        {
            Value v = left.Eval(input);
            return v.IsError ? v : right.Run(v, sink);
        }

        return left.Run(input, new ActionSink<(QNode, Sink)>((right, sink), static (s, in v) => s.Item1.Run(v, s.Item2)));
    }

    public override Truth Test(in Value input)
    {
        // (Not when the condition holds a try: in jq 1.6 it would also catch errors raised by rest.)
        if (left is SelectNode select && !leftMayCatch)
        {
            // select(c) | rest: rest sees the same input once per truthy output of c, so it is enough
            // to know that c has one (and no error) and then to test rest once.
            Truth t = select.Condition.Test(input);
            return t == Truth.True ? right.Test(input) : t;
        }

        if (left.IsSingle)
        {
            Value v = left.Eval(input);
            return v.IsError ? Truth.Error : right.Test(v);
        }

        return base.Test(input);
    }
}

/// <summary><c>a, b</c>.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class CommaNode(QNode left, QNode right) : QNode
{
    public override bool IsSingle => false;

    public override Value Run(in Value input, Sink sink)
    {
        Value e = left.Run(input, sink);
        return e.IsError ? e : right.Run(input, sink);
    }

    public override Truth Test(in Value input)
    {
        Truth a = left.Test(input);
        if (a == Truth.Error)
        {
            return a;
        }

        Truth b = right.Test(input);
        return b == Truth.Error ? b : a == Truth.True || b == Truth.True ? Truth.True : Truth.False;
    }
}

/// <summary>A comparison; as in jq the right operand is the outer loop.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class CompareNode(BinaryOperator op, QNode left, QNode right) : QNode
{
    public override bool IsSingle => left.IsSingle && right.IsSingle;

    public override Value Eval(in Value input)
    {
        Value r = right.Eval(input);
        if (r.IsError)
        {
            return r;
        }

        Value l = left.Eval(input);
        return l.IsError ? l : Apply(op, l, r);
    }

    public static Value Apply(BinaryOperator op, in Value l, in Value r) => op switch
    {
        BinaryOperator.Equal => Value.Bool(ValueOps.Equal(l, r)),
        BinaryOperator.NotEqual => Value.Bool(!ValueOps.Equal(l, r)),
        BinaryOperator.Less => Value.Bool(ValueOps.Compare(l, r) < 0),
        BinaryOperator.LessEqual => Value.Bool(ValueOps.Compare(l, r) <= 0),
        BinaryOperator.Greater => Value.Bool(ValueOps.Compare(l, r) > 0),
        _ => Value.Bool(ValueOps.Compare(l, r) >= 0),
    };

    public override Value Run(in Value input, Sink sink) => IsSingle
        ? base.Run(input, sink)
        : Streams.Run(right, left, input, sink, op, static (op, in l, in r) => Apply(op, l, r));
}

/// <summary><c>x == "literal"</c> (or <c>!=</c>) on a single-valued x: compares UTF-8 bytes in place.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class StringEqualsNode(QNode operand, byte[] literal, bool negate) : SingleNode
{
    public override Value Eval(in Value input)
    {
        Value v = operand.Eval(input);
        if (v.IsError)
        {
            return v;
        }

        bool eq = v.Kind == JsonKind.String
            && (v.IsNode ? v.Node.StringEquals(literal) : v.ComputedString.AsSpan().SequenceEqual(literal));
        return Value.Bool(eq != negate);
    }
}

/// <summary><c>a and b</c> / <c>a or b</c>, short-circuiting per output of a as jq does.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class LogicalNode(bool isAnd, QNode left, QNode right) : QNode
{
    public override bool IsSingle => left.IsSingle && right.IsSingle;

    public override Value Eval(in Value input)
    {
        Value a = left.Eval(input);
        if (a.IsError)
        {
            return a;
        }

        if (a.IsTruthy != isAnd)
        {
            return Value.Bool(!isAnd); // and: false; or: true
        }

        Value b = right.Eval(input);
        return b.IsError ? b : Value.Bool(b.IsTruthy);
    }

    public override Value Run(in Value input, Sink sink)
    {
        if (IsSingle)
        {
            return base.Run(input, sink);
        }

        var state = (Node: this, Input: input, Sink: sink);
        return left.Run(input, new ActionSink<(LogicalNode, Value, Sink)>(state, static (s, in a) =>
        {
            if (a.IsTruthy != s.Item1.IsAnd)
            {
                return s.Item3.Emit(Value.Bool(!s.Item1.IsAnd));
            }

            return s.Item1.Right.Run(s.Item2, new ActionSink<Sink>(s.Item3, static (k, in b) => k.Emit(Value.Bool(b.IsTruthy))));
        }));
    }

    private bool IsAnd => isAnd;

    private QNode Right => right;
}

/// <summary><c>a // b</c>: the truthy outputs of a, else the outputs of b (jq 1.6 lets a's errors through).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class AlternativeNode(QNode left, QNode right) : QNode
{
    public override bool IsSingle => false;

    public override Value Run(in Value input, Sink sink)
    {
        var found = new StrongBox<bool>();
        Value e = left.Run(input, new ActionSink<(StrongBox<bool>, Sink)>((found, sink), static (s, in v) =>
        {
            if (!v.IsTruthy)
            {
                return Ok;
            }

            s.Item1.Value = true;
            return s.Item2.Emit(v);
        }));
        return e.IsError || found.Value ? e : right.Run(input, sink);
    }

    private sealed class StrongBox<T>
    {
        public T? Value;
    }
}

/// <summary>Unary minus.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class NegateNode(QNode operand) : QNode
{
    public override bool IsSingle => operand.IsSingle;

    public override Value Eval(in Value input)
    {
        Value v = operand.Eval(input);
        return v.IsError ? v : ValueOps.Negate(v);
    }

    public override Value Run(in Value input, Sink sink) => IsSingle
        ? base.Run(input, sink)
        : Streams.Map(operand, input, sink, 0, static (_, in v, in _) => ValueOps.Negate(v));
}

/// <summary><c>[body]</c>: collects every output of the body.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class ArrayNode(QNode? body) : SingleNode
{
    public override Value Eval(in Value input)
    {
        if (body is null)
        {
            return Value.Array([]);
        }

        var items = new List<Value>();
        Value e = Streams.Collect(body, input, items);
        return e.IsError ? e : Value.Array(items.ToArray());
    }
}
