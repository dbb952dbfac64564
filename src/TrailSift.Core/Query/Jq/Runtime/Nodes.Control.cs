using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

internal sealed class LiteralNode(JqValue value) : JqNode
{
    public JqValue Value { get; } = value;

    public override bool IsSingular => true;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k) => k(Value);

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k) =>
        k(Value, JqPath.Kept(Value, input, path));
}

internal sealed class EmptyNode : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k) => true;

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k) => true;
}

internal sealed class PipeNode(JqNode left, JqNode right) : JqNode
{
    public override bool IsSingular => left.IsSingular && right.IsSingular;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        return left.Run(cx, input, env, v => right.Run(cx, v, env, k));
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k) =>
        left.RunPath(cx, input, path, env, (v, p) => right.RunPath(cx, v, p, env, k));
}

/// <summary><c>a, b, c, ...</c> flattened into one node (no deep recursion on long chains).</summary>
internal sealed class CommaNode(JqNode[] items) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        foreach (JqNode n in items)
        {
            if (!n.Run(cx, input, env, k))
            {
                return false;
            }
        }

        return true;
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        foreach (JqNode n in items)
        {
            if (!n.RunPath(cx, input, path, env, k))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class NegNode(JqNode operand) : JqNode
{
    public override bool IsSingular => operand.IsSingular;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k) =>
        operand.Run(cx, input, env, v => k(JqOps.Negate(v)));
}

/// <summary>Arithmetic and comparisons: the right operand is the outer loop, as in jq.</summary>
internal sealed class BinaryNode(string op, JqNode left, JqNode right) : JqNode
{
    public override bool IsSingular => left.IsSingular && right.IsSingular;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        if (left.IsSingular && right.IsSingular)
        {
            JqValue r = right.RunOne(cx, input, env);
            JqValue l = left.RunOne(cx, input, env);
            return k(JqOps.Binary(op, l, r));
        }

        return right.Run(cx, input, env, r => left.Run(cx, input, env, l => k(JqOps.Binary(op, l, r))));
    }
}

internal sealed class AndOrNode(bool isAnd, JqNode left, JqNode right) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        return left.Run(cx, input, env, l =>
        {
            if (isAnd ? !l.IsTruthy : l.IsTruthy)
            {
                return k(JqValue.FromBool(!isAnd));
            }

            return right.Run(cx, input, env, r => k(JqValue.FromBool(r.IsTruthy)));
        });
    }

    /// <summary>
    /// jq compiles <c>a and b</c> / <c>a or b</c> without a subexpression: a's path operations move the path, b runs on the
    /// input from that path state (its path operations check the input against the value a reached), and the boolean
    /// result is checked against the value at the path at the end (<c>{"a":true} | path(.a or .b)</c> is <c>["a"]</c>).
    /// </summary>
    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        cx.Step();
        return left.RunPath(cx, input, path, env, (l, lp) =>
        {
            if (isAnd ? !l.IsTruthy : l.IsTruthy)
            {
                JqValue b = JqValue.FromBool(!isAnd);
                return k(b, JqPath.Kept(b, l, lp));
            }

            return right.RunPath(cx, input, JqPath.Kept(input, l, lp), env, (r, rp) =>
            {
                JqValue b = JqValue.FromBool(r.IsTruthy);
                return k(b, JqPath.Kept(b, r, rp));
            });
        });
    }
}

/// <summary><c>a // b</c>: the truthy outputs of a, else the outputs of b (jq 1.7.1 does not suppress errors of a).</summary>
internal sealed class AlternativeNode(JqNode left, JqNode right) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        bool any = false;
        bool ok = left.Run(cx, input, env, v =>
        {
            if (!v.IsTruthy)
            {
                return true;
            }

            any = true;
            return k(v);
        });
        return ok && (any || right.Run(cx, input, env, k));
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        bool any = false;
        bool ok = left.RunPath(cx, input, path, env, (v, p) =>
        {
            if (!v.IsTruthy)
            {
                return true;
            }

            any = true;
            return k(v, p);
        });
        return ok && (any || right.RunPath(cx, input, path, env, k));
    }
}

internal sealed class IfNode(JqNode cond, JqNode then, JqNode? otherwise) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        return cond.Run(cx, input, env, c => c.IsTruthy ? then.Run(cx, input, env, k) : otherwise is null ? k(input) : otherwise.Run(cx, input, env, k));
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k) =>
        cond.Run(cx, input, env, c => c.IsTruthy
            ? then.RunPath(cx, input, path, env, k)
            : otherwise is null ? k(input, path) : otherwise.RunPath(cx, input, path, env, k));
}

internal sealed class ArrayNode(JqNode? body) : JqNode
{
    public override bool IsSingular => true;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        if (body is null)
        {
            return k(JqArray.Empty);
        }

        var items = new List<JqValue>();
        if (!body.Run(cx, input, env, v =>
        {
            cx.Step();
            items.Add(v);
            return true;
        }))
        {
            return false;
        }

        return k(items.Count == 0 ? JqArray.Empty : new JqArray(items));
    }
}

internal sealed class VarNode(int depth) : JqNode
{
    public override bool IsSingular => true;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k) => k(env!.At(depth).Value);
}

internal sealed class GlobalVarNode(string name) : JqNode
{
    public override bool IsSingular => true;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        if (name == "ENV")
        {
            return k(cx.Environment);
        }

        return k(cx.Variables.TryGetValue(name, out JqValue? v) ? v : JqValue.Null);
    }
}

internal sealed class LabelNode(JqNode body) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        object token = new();
        bool ok = body.Run(cx, input, new JqEnv(env, token), k);
        if (!ok && ReferenceEquals(cx.PendingBreak, token))
        {
            cx.PendingBreak = null;
            return true;
        }

        return ok;
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        object token = new();
        bool ok = body.RunPath(cx, input, path, new JqEnv(env, token), k);
        if (!ok && ReferenceEquals(cx.PendingBreak, token))
        {
            cx.PendingBreak = null;
            return true;
        }

        return ok;
    }
}

internal sealed class BreakNode(int depth) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.PendingBreak = env!.At(depth).Label;
        return false;
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k) => Run(cx, input, env, null!);
}
