using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>The assignment operators <c>= |= += -= *= /= %= //=</c> with jq 1.7.1's definitions.</summary>
internal sealed class AssignNode(string op, JqNode lhs, JqNode rhs) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        if (op == "|=")
        {
            return k(Modify(cx, input, env));
        }

        return rhs.Run(cx, input, env, x =>
        {
            List<JqArray> paths = Paths(cx, lhs, input, env);
            JqValue state = input;
            foreach (JqArray p in paths)
            {
                JqValue nv = op switch
                {
                    "=" => x,
                    "//=" => JqOps.GetPath(state, p) is { IsTruthy: true } cur ? cur : x,
                    _ => JqOps.Binary(op[..^1], JqOps.GetPath(state, p), x),
                };
                state = JqOps.SetPath(state, p, nv);
            }

            return k(state);
        });
    }

    private JqValue Modify(JqContext cx, JqValue input, JqEnv? env)
    {
        List<JqArray> paths = Paths(cx, lhs, input, env);
        JqValue state = input;
        List<JqValue>? deletions = null;
        foreach (JqArray p in paths)
        {
            JqValue? first = null;
            JqValue cur = JqOps.GetPath(state, p);
            object token = new();
            bool stopped = !rhs.Run(cx, cur, env, u =>
            {
                first = u;
                cx.PendingBreak = token;
                return false;
            });
            if (stopped && ReferenceEquals(cx.PendingBreak, token))
            {
                cx.PendingBreak = null;
            }
            else if (stopped)
            {
                throw new JqRuntimeException("break");
            }

            if (first is not null)
            {
                state = JqOps.SetPath(state, p, first);
            }
            else
            {
                (deletions ??= []).Add(p);
            }
        }

        return deletions is null ? state : JqOps.DelPaths(state, new JqArray(deletions));
    }

    public static List<JqArray> Paths(JqContext cx, JqNode f, JqValue input, JqEnv? env)
    {
        var list = new List<JqArray>();
        f.RunPath(cx, input, null, env, (v, p) =>
        {
            list.Add(JqPath.ToArray(JqPath.End(v, p)));
            return true;
        });
        return list;
    }
}
