using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

internal sealed class IdentityNode : JqNode
{
    public static readonly IdentityNode Instance = new();

    public override bool IsSingular => true;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k) => k(input);

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k) => k(input, path);
}

/// <summary><c>..</c>: the input, then recursively every child (<c>recurse(.[]?)</c>).</summary>
internal sealed class RecurseNode : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        if (!k(input))
        {
            return false;
        }

        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (input)
        {
            case JqArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    if (!Run(cx, a[i], env, k))
                    {
                        return false;
                    }
                }

                break;
            case JqObject o:
                for (int i = 0; i < o.Count; i++)
                {
                    if (!Run(cx, o.Values[i], env, k))
                    {
                        return false;
                    }
                }

                break;
        }

        return true;
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        cx.Step();
        if (!k(input, path))
        {
            return false;
        }

        // jq's `..` is recurse(.[]?): the iteration checks the path first (path_intact), and `?` does not hide that error.
        if (!JqPath.Resolve(input, path, out JqPath? real))
        {
            throw JqRuntimeException.InvalidPathIterate(input);
        }

        path = real;

        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (input)
        {
            case JqArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    if (!RunPath(cx, a[i], new JqPath(path, JqNumber.Of(i)), env, k))
                    {
                        return false;
                    }
                }

                break;
            case JqObject o:
                for (int i = 0; i < o.Count; i++)
                {
                    if (!RunPath(cx, o.Values[i], new JqPath(path, new JqString(o.Keys[i])), env, k))
                    {
                        return false;
                    }
                }

                break;
        }

        return true;
    }
}

/// <summary><c>T[K]</c>: keys are evaluated first (outer loop), then the target. <c>T[K]?</c> (<paramref name="optional"/>)
/// is jq's INDEX_OPT: an error of the index operation itself backtracks; errors of T, K and downstream still propagate.</summary>
internal sealed class IndexNode(JqNode target, JqNode key, bool optional = false) : JqNode
{
    public JqNode Target => target;

    public override bool IsSingular => !optional && target.IsSingular && key.IsSingular;

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        if (key is LiteralNode lk)
        {
            if (target is IdentityNode)
            {
                return Emit(input, lk.Value, k);
            }

            return target.Run(cx, input, env, t => Emit(t, lk.Value, k));
        }

        return key.Run(cx, input, env, kv => target.Run(cx, input, env, t => Emit(t, kv, k)));
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        cx.Step();
        return key.Run(cx, input, env, kv => target.RunPath(cx, input, path, env, (t, p) =>
        {
            // jq's INDEX checks path_intact before indexing; `?` does not hide that error.
            if (!JqPath.Resolve(t, p, out JqPath? real))
            {
                throw JqRuntimeException.InvalidPathAccess(kv, t);
            }

            JqValue v;
            try
            {
                v = JqOps.Index(t, kv);
            }
            catch (JqRuntimeException e) when (optional && !e.IsHalt)
            {
                return true;
            }

            return k(v, new JqPath(real, kv));
        }));
    }

    private bool Emit(JqValue t, JqValue kv, JqEmit k)
    {
        if (!optional)
        {
            return k(JqOps.Index(t, kv));
        }

        JqValue v;
        try
        {
            v = JqOps.Index(t, kv);
        }
        catch (JqRuntimeException e) when (!e.IsHalt)
        {
            return true;
        }

        return k(v);
    }
}

/// <summary><c>T[F:E]</c>; <c>T[F:E]?</c> (<paramref name="optional"/>) backtracks on an error of the slice itself only.</summary>
internal sealed class SliceNode(JqNode target, JqNode? from, JqNode? to, bool optional = false) : JqNode
{
    private static readonly JqNode NullNode = new LiteralNode(JqValue.Null);

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        return (to ?? NullNode).Run(cx, input, env, tv => (from ?? NullNode).Run(cx, input, env, fv =>
            target.Run(cx, input, env, t =>
            {
                JqValue v;
                try
                {
                    v = JqOps.Slice(t, fv, tv);
                }
                catch (JqRuntimeException e) when (optional && !e.IsHalt)
                {
                    return true;
                }

                return k(v);
            })));
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        cx.Step();
        return (to ?? NullNode).Run(cx, input, env, tv => (from ?? NullNode).Run(cx, input, env, fv =>
            target.RunPath(cx, input, path, env, (t, p) =>
            {
                var key = new JqObjectBuilder(2);
                key.Set("start", fv);
                key.Set("end", tv);
                JqObject ko = key.ToObject();
                if (!JqPath.Resolve(t, p, out JqPath? real))
                {
                    throw JqRuntimeException.InvalidPathAccess(ko, t);
                }

                JqValue v;
                try
                {
                    v = JqOps.Slice(t, fv, tv);
                }
                catch (JqRuntimeException e) when (optional && !e.IsHalt)
                {
                    return true;
                }

                return k(v, new JqPath(real, ko));
            })));
    }
}

/// <summary><c>T[]</c>; <c>T[]?</c> (<paramref name="optional"/>, jq's EACH_OPT) yields nothing for a value that cannot be
/// iterated, while errors of T and downstream still propagate.</summary>
internal sealed class IterateNode(JqNode target, bool optional = false) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        JqEmit counted = v =>
        {
            cx.Step();
            return k(v);
        };
        if (target is IdentityNode)
        {
            return Skip(input) || JqOps.Iterate(input, counted);
        }

        return target.Run(cx, input, env, t => Skip(t) || JqOps.Iterate(t, counted));
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k)
    {
        cx.Step();
        return target.RunPath(cx, input, path, env, (t, p) =>
        {
            // jq's EACH checks path_intact before iterating; `?` does not hide that error.
            if (!JqPath.Resolve(t, p, out p))
            {
                throw JqRuntimeException.InvalidPathIterate(t);
            }

            if (Skip(t))
            {
                return true;
            }

            switch (t)
            {
                case JqArray a:
                    for (int i = 0; i < a.Count; i++)
                    {
                        if (!k(a[i], new JqPath(p, JqNumber.Of(i))))
                        {
                            return false;
                        }
                    }

                    return true;
                case JqObject o:
                    for (int i = 0; i < o.Count; i++)
                    {
                        if (!k(o.Values[i], new JqPath(p, new JqString(o.Keys[i]))))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return JqOps.Iterate(t, _ => true);
            }
        });
    }

    // An optional iteration of a value that is neither an array nor an object backtracks (true: go on).
    private bool Skip(JqValue t) => optional && t is not (JqArray or JqObject);
}
