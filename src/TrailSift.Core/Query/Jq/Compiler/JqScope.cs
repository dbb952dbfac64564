using TrailSift.Core.Query.Jq.Runtime;

namespace TrailSift.Core.Query.Jq.Compiler;

internal enum JqScopeKind
{
    Var,
    Closure,
    Function,
    Label,
}

/// <summary>Compile-time scope: one entry per runtime environment frame, innermost first.</summary>
internal sealed record JqScope(JqScope? Parent, JqScopeKind Kind, string Name, int Arity, JqFunction? Function)
{
    public static JqScope? Push(JqScope? s, JqScopeKind kind, string name, int arity = 0, JqFunction? f = null) => new(s, kind, name, arity, f);

    /// <summary>Finds the innermost entry matching, returning its depth (frames to skip).</summary>
    public static JqScope? Find(JqScope? s, Func<JqScope, bool> match, out int depth)
    {
        depth = 0;
        for (JqScope? e = s; e is not null; e = e.Parent, depth++)
        {
            if (match(e))
            {
                return e;
            }
        }

        return null;
    }
}
