using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>Binds the outputs of a source to variables (with destructuring and <c>?//</c> alternatives).</summary>
internal sealed class JqBinder(JqMatcher[] alternatives, int slotCount)
{
    public int SlotCount => slotCount;

    public static JqEnv? Push(JqEnv? env, JqValue[] slots)
    {
        foreach (JqValue v in slots)
        {
            env = new JqEnv(env, v);
        }

        return env;
    }

    /// <summary>Calls <paramref name="body"/> with the environment for each binding of <paramref name="value"/>; with alternatives, an error
    /// in any but the last tries the next one, an error raised downstream by the continuation <paramref name="k"/> too (jq 1.7.1
    /// unwinds to the alternative's fork point: `(. as [$a] ?// $a | $a) | error` runs the downstream once per alternative).</summary>
    public bool Bind<TK>(JqContext cx, JqValue value, JqEnv? env, TK k, Func<TK, TK> outward, Func<JqEnv?, TK, bool> body)
    {
        if (alternatives.Length == 1)
        {
            var slots = new JqValue[slotCount];
            Array.Fill(slots, JqValue.Null);
            return alternatives[0].Match(cx, value, env, slots, () => body(Push(env, slots), k));
        }

        for (int i = 0; i < alternatives.Length; i++)
        {
            var slots = new JqValue[slotCount];
            Array.Fill(slots, JqValue.Null);
            JqMatcher m = alternatives[i];
            if (i == alternatives.Length - 1)
            {
                return m.Match(cx, value, env, slots, () => body(Push(env, slots), k));
            }

            bool ok = TryNode.Guard(cx, () =>
            {
                return m.Match(cx, value, env, slots, () => body(Push(env, slots), k));
            }, out JqRuntimeException? caught);
            if (caught is null)
            {
                return ok;
            }
        }

        return true;
    }

    public bool Bind(JqContext cx, JqValue value, JqEnv? env, Func<JqEnv?, bool> body) =>
        Bind<JqEmit?>(cx, value, env, null, x => x, (e, _) => body(e));
}

/// <summary><c>source as $pattern | body</c>.</summary>
internal sealed class BindNode(JqNode source, JqBinder binder, JqNode body) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        return source.Run(cx, input, env, v => binder.Bind(cx, v, env, k, TryNode.Outward, (e, k2) => body.Run(cx, input, e, k2)));
    }

    public override bool RunPath(JqContext cx, JqValue input, JqPath? path, JqEnv? env, JqEmitPath k) =>
        source.Run(cx, input, env, v => binder.Bind(cx, v, env, k, TryNode.OutwardPath, (e, k2) => body.RunPath(cx, input, path, e, k2)));
}

internal sealed class ReduceNode(JqNode source, JqBinder binder, JqNode init, JqNode update) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        return init.Run(cx, input, env, s0 =>
        {
            JqValue state = s0;
            bool ok = source.Run(cx, input, env, v => binder.Bind(cx, v, env, e =>
            {
                JqValue? last = null;
                bool r = update.Run(cx, state, e, u =>
                {
                    last = u;
                    return true;
                });
                state = last ?? JqValue.Null;
                return r;
            }));
            return ok && k(state);
        });
    }
}

internal sealed class ForeachNode(JqNode source, JqBinder binder, JqNode init, JqNode update, JqNode? extract) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        return init.Run(cx, input, env, s0 =>
        {
            JqValue state = s0;
            return source.Run(cx, input, env, v => binder.Bind(cx, v, env, k, TryNode.Outward, (e, k2) =>
            {
                JqValue current = state;
                return update.Run(cx, current, e, u =>
                {
                    state = u;
                    return extract is null ? k2(u) : extract.Run(cx, u, e, k2);
                });
            }));
        });
    }
}
