using System.Runtime.CompilerServices;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary><c>def f: body; rest</c>: a frame holding the function, closed over itself for recursion.</summary>
internal sealed class FuncDefNode(JqFunction function, JqNode rest) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k) => rest.Run(cx, input, Frame(env), k);

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k) => rest.RunPath(cx, input, path, Frame(env), k);

    private JqEnv Frame(JqEnv? env)
    {
        var closure = new JqClosure(function.Body, null, function);
        var frame = new JqEnv(env, closure);
        closure.Env = frame;
        return frame;
    }
}

/// <summary>Calls a function: a user <c>def</c> found in the environment, or a builtin defined in jq (static).</summary>
internal sealed class CallNode(int depth, JqFunction? staticFunction, JqNode[] args) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        JqFunction f = Enter(cx, env, out JqEnv? fenv);
        if (!f.ValueParams.Contains(true))
        {
            return f.Body.Run(cx, input, fenv, k);
        }

        return BindValues(cx, f, input, env, fenv, 0, e => f.Body.Run(cx, input, e, k));
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        JqFunction f = Enter(cx, env, out JqEnv? fenv);
        return BindValues(cx, f, input, env, fenv, 0, e => f.Body.RunPath(cx, input, path, e, k));
    }

    /// <summary>Finds the function and builds its environment with the filter arguments as closures.</summary>
    private JqFunction Enter(JqContext cx, JqEnv? env, out JqEnv? fenv)
    {
        cx.Step();
        RuntimeHelpers.EnsureSufficientExecutionStack();
        JqFunction f;
        if (staticFunction is not null)
        {
            f = staticFunction;
            fenv = null;
        }
        else
        {
            JqClosure c = env!.At(depth).Closure!;
            f = c.Function!;
            fenv = c.Env;
        }

        fenv = PushClosures(f, fenv, env);
        return f;
    }

    private JqEnv? PushClosures(JqFunction f, JqEnv? fenv, JqEnv? callerEnv)
    {
        for (int i = 0; i < args.Length; i++)
        {
            fenv = new JqEnv(fenv, new JqClosure(args[i], callerEnv, null));
        }

        return fenv;
    }

    /// <summary><c>def f($a; $b)</c> is <c>def f(a; b): a as $a | b as $b | ...</c>: the first parameter is the outer loop.</summary>
    private bool BindValues(JqContext cx, JqFunction f, JqValue input, JqEnv? callerEnv, JqEnv? fenv, int i, Func<JqEnv?, bool> body)
    {
        while (i < args.Length && !f.ValueParams[i])
        {
            i++;
        }

        if (i == args.Length)
        {
            return body(fenv);
        }

        return args[i].Run(cx, input, callerEnv, v => BindValues(cx, f, input, callerEnv, new JqEnv(fenv, v), i + 1, body));
    }
}

/// <summary>Calls a filter argument (a closure) of the enclosing function.</summary>
internal sealed class ClosureCallNode(int depth) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        JqClosure c = env!.At(depth).Closure!;
        return c.Body.Run(cx, input, c.Env, k);
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        JqClosure c = env!.At(depth).Closure!;
        return c.Body.RunPath(cx, input, path, c.Env, k);
    }
}

/// <summary>Calls a builtin implemented in C#.</summary>
internal sealed class NativeCallNode(JqNative native, JqNode[] args) : JqNode
{
    public override bool IsSingular => native.IsSingular && args.Length == 0;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        return native.Call(cx, input, env, args, k);
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        cx.Step();
        return native.CallPath(cx, input, path, env, args, k);
    }
}
