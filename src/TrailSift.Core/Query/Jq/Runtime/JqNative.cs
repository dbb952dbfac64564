using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>A builtin implemented in C#. Arguments arrive as unevaluated filters (closures over the caller's environment).</summary>
internal abstract class JqNative(string name, int arity)
{
    public string Name { get; } = name;

    public int Arity { get; } = arity;

    public virtual bool IsSingular => false;

    public abstract bool Call(JqContext cx, JqValue input, JqEnv? env, JqNode[] args, JqEmit k);

    public virtual bool CallPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqNode[] args, JqEmitPath k) =>
        Call(cx, input, env, args, v => k(v, JqPath.Kept(v, input, path)));
}

/// <summary>A function of the input and value arguments (jq's C functions): arguments are evaluated as a cartesian product, the last one outermost.</summary>
internal sealed class ValueNative(string name, int arity, Func<JqValue, JqValue[], JqValue> f) : JqNative(name, arity)
{
    public override bool IsSingular => Arity == 0;

    public override bool Call(JqContext cx, JqValue input, JqEnv? env, JqNode[] args, JqEmit k)
    {
        if (args.Length == 0)
        {
            return k(f(input, []));
        }

        var values = new JqValue[args.Length];
        return Step(cx, input, env, args, values, args.Length - 1, k);
    }

    private bool Step(JqContext cx, JqValue input, JqEnv? env, JqNode[] args, JqValue[] values, int i, JqEmit k)
    {
        if (i < 0)
        {
            return k(f(input, (JqValue[])values.Clone()));
        }

        return args[i].Run(cx, input, env, v =>
        {
            values[i] = v;
            return Step(cx, input, env, args, values, i - 1, k);
        });
    }
}

/// <summary>A builtin given as a delegate over the raw call (for generators and closure arguments).</summary>
internal sealed class DelegateNative(string name, int arity, Func<JqContext, JqValue, JqEnv?, JqNode[], JqEmit, bool> f,
    Func<JqContext, JqValue, JqPath?, JqEnv?, JqNode[], JqEmitPath, bool>? path = null) : JqNative(name, arity)
{
    public override bool Call(JqContext cx, JqValue input, JqEnv? env, JqNode[] args, JqEmit k) => f(cx, input, env, args, k);

    public override bool CallPath(JqContext cx, JqValue input, JqPath? p, JqEnv? env, JqNode[] args, JqEmitPath k) =>
        path is null ? base.CallPath(cx, input, p, env, args, k) : path(cx, input, p, env, args, k);
}
