using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>Receives one output; returns false to stop the generator (a <c>break</c> in flight).</summary>
internal delegate bool JqEmit(JqValue v);

/// <summary>Receives one output with its path (path mode: <c>path(f)</c>, assignments).</summary>
internal delegate bool JqEmitPath(JqValue v, JqPath? path);

/// <summary>A compiled filter. Generators call the continuation once per output (backtracking by callbacks).</summary>
internal abstract class JqNode
{
    /// <summary>Runs on <paramref name="input"/>, calling <paramref name="k"/> per output; false when stopped by a break.</summary>
    public abstract bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k);

    /// <summary>Runs tracking paths: <paramref name="input"/> is the value at <paramref name="path"/>.</summary>
    /// <remarks>A filter that is not a path expression keeps the path only for a result identical to its input (jq's path_intact).</remarks>
    public virtual bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k) =>
        Run(cx, input, env, v => k(v, JqPath.Kept(v, input, path)));

    /// <summary>True when the node always yields exactly one value (or raises an error) and touches no shared state.</summary>
    public virtual bool IsSingular => false;

    /// <summary>Evaluates a singular node.</summary>
    public JqValue RunOne(JqContext cx, JqValue input, JqEnv? env)
    {
        JqValue result = JqValue.Null;
        Run(cx, input, env, v =>
        {
            result = v;
            return true;
        });
        return result;
    }
}
