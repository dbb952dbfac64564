using System.Runtime.ExceptionServices;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>An error raised downstream of a <c>try</c> body, carried through it untouched.</summary>
internal sealed class PassThroughException(JqRuntimeException inner, object owner) : Exception(inner.Message)
{
    public JqRuntimeException Inner { get; } = inner;

    public object Owner { get; } = owner;
}

/// <summary><c>try body catch handler</c> and <c>body?</c>: catches errors raised by the body, not by what consumes its outputs.</summary>
internal sealed class TryNode(JqNode body, JqNode? handler) : JqNode
{
    [ThreadStatic]
    private static object? _currentOwner;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        bool ok = Guard(cx, () => body.Run(cx, input, env, Outward(k)), out JqRuntimeException? caught);
        if (caught is null || handler is null)
        {
            return ok;
        }

        return handler.Run(cx, caught.Value, env, k);
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        bool ok = Guard(cx, () => body.RunPath(cx, input, path, env, OutwardPath(k)), out JqRuntimeException? caught);
        if (caught is null || handler is null)
        {
            return ok;
        }

        // jq runs the handler with the path state of the try: the error's value is checked against the value at the path
        // by the handler's next path operation or at the end (jq's path_intact).
        return handler.RunPath(cx, caught.Value, JqPath.Kept(caught.Value, input, path), env, k);
    }

    /// <summary>Wraps a continuation so that its errors pass through the enclosing <see cref="Guard"/>.</summary>
    /// <remarks>Must be called inside the <see cref="Guard"/> callback's construction, i.e. as its argument.</remarks>
    public static JqEmit Outward(JqEmit k)
    {
        object owner = _currentOwner!;
        return v =>
        {
            try
            {
                return k(v);
            }
            catch (JqRuntimeException e) when (!e.IsHalt)
            {
                throw new PassThroughException(e, owner);
            }
        };
    }

    public static JqEmitPath OutwardPath(JqEmitPath k)
    {
        object owner = _currentOwner!;
        return (v, p) =>
        {
            try
            {
                return k(v, p);
            }
            catch (JqRuntimeException e) when (!e.IsHalt)
            {
                throw new PassThroughException(e, owner);
            }
        };
    }

    /// <summary>Runs <paramref name="body"/>; an error it raises is returned in <paramref name="caught"/>, errors from continuations wrapped by <see cref="Outward"/> are rethrown.</summary>
    public static bool Guard(JqContext cx, Func<bool> body, out JqRuntimeException? caught)
    {
        object owner = new();
        object? saved = _currentOwner;
        _currentOwner = owner;
        caught = null;
        try
        {
            return body();
        }
        catch (JqRuntimeException e) when (!e.IsHalt)
        {
            caught = e;
            cx.PendingBreak = null;
            return true;
        }
        catch (PassThroughException p) when (ReferenceEquals(p.Owner, owner))
        {
            ExceptionDispatchInfo.Throw(p.Inner);
            throw;
        }
        finally
        {
            _currentOwner = saved;
        }
    }
}
