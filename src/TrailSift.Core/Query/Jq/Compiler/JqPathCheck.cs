using TrailSift.Core.Query.Jq.Builtins;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Compiler;

/// <summary>
/// Refuses, when the program is compiled, a filter that is not a path expression inside a path expression (the
/// argument of <c>path</c>, and so of <c>del</c>, <c>paths</c>, <c>pick</c>, …, or the left-hand side of an assignment),
/// unless it is one of the forms checked to behave as in jq 1.7.1. jq keeps the path when such a filter's result is
/// jv_identical to the value the last path operation reached (its path_intact: the same kind for null and booleans, the
/// same allocation otherwise), and its own jq-defined builtins fail there with the message of the path operation
/// inside their definition. TrailSift reproduces that identity for: <c>null</c>, <c>true</c>, <c>false</c>, comparisons,
/// <c>and</c>/<c>or</c>, <c>not</c>, <c>tostring</c>, <c>tonumber</c>, <c>ltrimstr</c>, <c>rtrimstr</c>, <c>format</c>
/// and the formats, <c>type</c>, <c>startswith</c>, <c>endswith</c>, <c>has</c>, <c>contains</c>, <c>isnan</c>,
/// <c>isinfinite</c>, <c>isnormal</c>, <c>test</c>, <c>error</c>, <c>empty</c>, <c>getpath</c>, <c>delpaths</c>,
/// <c>path</c>, and the functions (builtin or defined by the program) whose bodies are made of those and of path
/// expressions. Anything else there (arithmetic,
/// literals other than null and booleans, variables, array and object construction, <c>reduce</c>, <c>foreach</c>,
/// the other builtins) is refused with a caret.
/// </summary>
internal sealed class JqPathCheck
{
    private static readonly HashSet<string> AssignOps = ["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="];
    private static readonly HashSet<string> Comparisons = ["==", "!=", "<", "<=", ">", ">="];

    // C builtins of jq 1.7.1 whose result is a new value, a boolean, or (tostring, tonumber, ltrimstr, rtrimstr,
    // format("text"), delpaths([]), debug, stderr) the input itself exactly when jq returns it, or that never return
    // (halt, halt_error); their arguments are values (jq evaluates them as subexpressions).
    private static readonly HashSet<string> CheckedNatives =
    [
        "empty/0", "error/0", "error/1", "not/0", "tostring/0", "tonumber/0", "ltrimstr/1", "rtrimstr/1", "type/0",
        "startswith/1", "endswith/1", "has/1", "contains/1", "isnan/0", "isinfinite/0", "isnormal/0", "getpath/1",
        "_match_impl/3", "format/1", "delpaths/1", "debug/0", "stderr/0", "halt/0", "halt_error/1",
    ];

    private const int MaxFunctionWalks = 1_000_000;
    private readonly Dictionary<string, FuncDefAst> _prelude;
    private readonly Dictionary<Key, int> _active = [];
    private int _functionWalks;
    private readonly HashSet<Key> _seen = [];
    private readonly Dictionary<Key, Closure> _closures = [];

    private JqPathCheck(Dictionary<string, FuncDefAst> prelude) => _prelude = prelude;

    /// <summary>Throws <see cref="JqParseException"/> at the first refused filter in a path expression of <paramref name="root"/>.</summary>
    public static void Check(JqAst root) => new JqPathCheck(JqBuiltins.DefinitionAsts).Walk(root, null, false, null);

    private static JqParseException Refused(JqAst a, int? site) => new(
        "this filter is not supported in a path expression (path(f), del(f), paths, the left-hand side of an assignment): "
        + "jq 1.7.1 keeps or rejects its path by the identity of its result, which TrailSift does not reproduce for it",
        site ?? a.Pos);

    // `site` is the position of the program's own call when `a` is the body of a builtin defined in jq (errors point there).
    private void Walk(JqAst a, Env? env, bool path, int? site)
    {
        switch (a)
        {
            case IdentityAst or RecurseAst or BreakAst:
                return;
            case IndexAst i:
                Walk(i.Target, env, path, site);
                Walk(i.Key, env, false, site);
                return;
            case SliceAst s:
                Walk(s.Target, env, path, site);
                WalkOptional(s.From, env, site);
                WalkOptional(s.To, env, site);
                return;
            case IterateAst it:
                Walk(it.Target, env, path, site);
                return;
            case TryAst t:
                Walk(t.Body, env, path, site);
                WalkOptional(t.Catch, env, site, path);
                return;
            case ParenAst p:
                Walk(p.Body, env, path, site);
                return;
            case PipeAst p:
                Walk(p.Left, env, path, site);
                Walk(p.Right, env, path, site);
                return;
            case CommaAst c:
                Walk(c.Left, env, path, site);
                Walk(c.Right, env, path, site);
                return;
            case IfAst i:
                Walk(i.Cond, env, false, site);
                Walk(i.Then, env, path, site);
                WalkOptional(i.Else, env, site, path);
                return;
            case BinaryAst b:
                WalkBinary(b, env, path, site);
                return;
            case LiteralAst l:
                if (path && l.Value.Kind is not (JqKind.Null or JqKind.True or JqKind.False))
                {
                    throw Refused(a, site);
                }

                return;
            case FormatAst:
                return;
            case BindAst b:
                Walk(b.Source, env, false, site);
                WalkPatterns(b.Patterns, env, site);
                Walk(b.Body, env, path, site);
                return;
            case LabelAst l:
                Walk(l.Body, env, path, site);
                return;
            case FuncDefAst d:
                Walk(d.Rest, new Env(env, d.Name, d.Params.Count, d, null), path, site);
                return;
            case CallAst c:
                WalkCall(c, env, path, site);
                return;
        }

        // Not a path expression, and not one of the checked forms: refused in a path expression; its parts are values.
        if (path)
        {
            throw Refused(a, site);
        }

        foreach (JqAst child in JqAstChildren.Of(a))
        {
            Walk(child, env, false, site);
        }

        if (a is ReduceAst r)
        {
            WalkPatterns(r.Patterns, env, site);
        }
        else if (a is ForeachAst f)
        {
            WalkPatterns(f.Patterns, env, site);
        }
    }

    private void WalkOptional(JqAst? a, Env? env, int? site, bool path = false)
    {
        if (a is not null)
        {
            Walk(a, env, path, site);
        }
    }

    private void WalkPatterns(IEnumerable<JqPattern> patterns, Env? env, int? site)
    {
        foreach (JqPattern p in patterns)
        {
            switch (p)
            {
                case ArrayPattern ap:
                    WalkPatterns(ap.Elements, env, site);
                    break;
                case ObjectPattern op:
                    foreach (ObjectPatternEntry e in op.Entries)
                    {
                        WalkOptional(e.Key, env, site);
                        if (e.Value is not null)
                        {
                            WalkPatterns([e.Value], env, site);
                        }
                    }

                    break;
            }
        }
    }

    private void WalkBinary(BinaryAst b, Env? env, bool path, int? site)
    {
        if (AssignOps.Contains(b.Op))
        {
            if (path)
            {
                throw Refused(b, site);
            }

            Walk(b.Left, env, true, site);
            Walk(b.Right, env, false, site);
            return;
        }

        // `//`, `and` and `or` are path expressions in jq (no subexpression); a comparison is a C function of values.
        bool operandsArePaths = path && b.Op is "//" or "and" or "or";
        if (path && !operandsArePaths && !Comparisons.Contains(b.Op))
        {
            throw Refused(b, site);
        }

        Walk(b.Left, env, operandsArePaths, site);
        Walk(b.Right, env, operandsArePaths, site);
    }

    private void WalkCall(CallAst c, Env? env, bool path, int? site)
    {
        int arity = c.Args.Count;
        for (Env? e = env; e is not null; e = e.Parent)
        {
            if (e.Closure is not null && arity == 0 && e.Name == c.Name)
            {
                Closure cl = e.Closure;
                if (_seen.Add(new Key([cl, path])))
                {
                    Walk(cl.Ast, cl.Env, path, cl.Site);
                }

                return;
            }

            if (e.Def is not null && e.Name == c.Name && e.Arity == arity)
            {
                WalkFunction(e.Def, e, c, env, path, site);
                return;
            }
        }

        string key = c.Name + "/" + arity;
        if (key == "error/1" && path)
        {
            WalkErrorValue(c.Args[0], env, site);
            return;
        }

        if (_prelude.TryGetValue(key, out FuncDefAst? builtin))
        {
            WalkFunction(builtin, null, c, env, path, site ?? c.Pos);
            return;
        }

        if (path && !CheckedNatives.Contains(key) && key is not "path/1" and not "_limit/2")
        {
            throw Refused(c, site);
        }

        for (int i = 0; i < arity; i++)
        {
            // path(f) tracks f's paths; _limit(n; f) is a path expression in f when it is in one.
            bool argPath = key == "path/1" || (key == "_limit/2" && i == 1 && path);
            Walk(c.Args[i], env, argPath, site);
        }
    }

    // The argument of error/1 (jq: def error(msg): msg | error) in a path expression: its path operations are checked as
    // anywhere in the path expression, but the value it ends with goes to error, never to a path check. String
    // interpolations, object construction and arithmetic evaluate their parts as values (jq's subexpressions).
    private void WalkErrorValue(JqAst a, Env? env, int? site)
    {
        switch (a)
        {
            case LiteralAst or FormatAst or VarAst or LocAst:
                return;
            case ParenAst p:
                WalkErrorValue(p.Body, env, site);
                return;
            case PipeAst p:
                Walk(p.Left, env, true, site);
                WalkErrorValue(p.Right, env, site);
                return;
            case StringAst or ObjectAst:
            case BinaryAst b when !AssignOps.Contains(b.Op) && b.Op is not ("//" or "and" or "or"):
                foreach (JqAst child in JqAstChildren.Of(a))
                {
                    Walk(child, env, false, site);
                }

                return;
            default:
                Walk(a, env, true, site);
                return;
        }
    }

    // A call of a function defined in jq (the program's or a builtin): its body is checked with the arguments bound as
    // closures over the caller; a `$param` argument is also evaluated as a value.
    private void WalkFunction(FuncDefAst d, Env? definedAt, CallAst c, Env? callerEnv, bool path, int? site)
    {
        if (++_functionWalks > MaxFunctionWalks)
        {
            throw new JqParseException(
                "the program is too large to check its path expressions (path(f), del(f), assignments): not supported", site ?? c.Pos);
        }

        var args = new Closure[c.Args.Count];
        Env? body = definedAt;
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = Resolve(c.Args[i], callerEnv, site);
            if (d.Params[i].StartsWith('$'))
            {
                Walk(c.Args[i], callerEnv, false, site);
            }

            body = new Env(body, d.Params[i].TrimStart('$'), 0, null, args[i]);
        }

        // A function already three times on the walk in this mode (recursion that re-binds its arguments, such as
        // def f(x): … f(x - 1)) adds no new form: deeper levels compose the same syntax trees in the same modes.
        var active = new Key([d, path]);
        int depth = _active.GetValueOrDefault(active);
        if (depth < 3 && _seen.Add(new Key([d, definedAt, path, .. args])))
        {
            _active[active] = depth + 1;
            Walk(d.Body, body, path, site);
            _active[active] = depth;
        }
    }

    // An argument that is itself a closure parameter is passed on as that closure; another argument is one closure per
    // syntax tree and per meaning of the names it calls (so that recursion, which re-binds them, reaches a fixed point).
    private Closure Resolve(JqAst arg, Env? env, int? site)
    {
        if (arg is CallAst { Args.Count: 0 } c && Find(env, c.Name, 0) is { Closure: { } bound })
        {
            return bound;
        }

        var meaning = new List<object?> { arg, site };
        var stack = new Stack<JqAst>();
        stack.Push(arg);
        while (stack.Count > 0)
        {
            JqAst a = stack.Pop();
            if (a is CallAst call)
            {
                meaning.Add(Find(env, call.Name, call.Args.Count));
            }

            foreach (JqAst child in JqAstChildren.Of(a))
            {
                stack.Push(child);
            }
        }

        var key = new Key(meaning.ToArray());
        if (!_closures.TryGetValue(key, out Closure? closure))
        {
            closure = new Closure(arg, env, site);
            _closures.Add(key, closure);
        }

        return closure;
    }

    private static Env? Find(Env? env, string name, int arity)
    {
        for (Env? e = env; e is not null; e = e.Parent)
        {
            if (e.Name == name && ((e.Closure is not null && arity == 0) || (e.Def is not null && e.Arity == arity)))
            {
                return e;
            }
        }

        return null;
    }

    private sealed class Env(Env? parent, string name, int arity, FuncDefAst? def, Closure? closure)
    {
        public Env? Parent { get; } = parent;

        public string Name { get; } = name;

        public int Arity { get; } = arity;

        public FuncDefAst? Def { get; } = def;

        public Closure? Closure { get; } = closure;
    }

    private sealed class Closure(JqAst ast, Env? env, int? site)
    {
        public JqAst Ast { get; } = ast;

        public Env? Env { get; } = env;

        public int? Site { get; } = site;
    }

    // A tuple compared element by element by reference (boxed booleans and positions by value).
    private sealed class Key(object?[] parts) : IEquatable<Key>
    {
        private readonly object?[] _parts = parts;

        public bool Equals(Key? other) => other is not null && _parts.Length == other._parts.Length
            && _parts.Zip(other._parts).All(p => p.First is bool or int ? Equals(p.First, p.Second) : ReferenceEquals(p.First, p.Second));

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (object? o in _parts)
            {
                h.Add(o is bool or int ? o.GetHashCode() : o is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(o));
            }

            return h.ToHashCode();
        }
    }
}
