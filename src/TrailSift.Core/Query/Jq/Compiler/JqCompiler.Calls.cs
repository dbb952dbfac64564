using TrailSift.Core.Query.Jq.Builtins;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Compiler;

/// <summary>Function calls and destructuring patterns.</summary>
internal sealed partial class JqCompiler
{
    private JqNode CompileCall(CallAst c, JqScope? s)
    {
        int arity = c.Args.Count;
        JqScope? found = JqScope.Find(s, e =>
            (e.Kind == JqScopeKind.Function && e.Name == c.Name && e.Arity == arity) ||
            (e.Kind == JqScopeKind.Closure && arity == 0 && e.Name == c.Name), out int depth);
        if (found is not null)
        {
            return found.Kind == JqScopeKind.Closure
                ? new ClosureCallNode(depth)
                : new CallNode(depth, null, CompileArgs(c, s));
        }

        CheckCall(c);
        if (JqBuiltins.Refusal(c.Name, arity) is { } refused)
        {
            throw new JqParseException(refused, c.Pos);
        }

        JqFunction? defined = _prelude is not null ? _prelude.GetValueOrDefault(c.Name + "/" + arity) : JqBuiltins.FindDefined(c.Name, arity);
        if (defined is not null)
        {
            return new CallNode(0, defined, CompileArgs(c, s));
        }

        if (JqNatives.Find(c.Name, arity) is { } native)
        {
            return new NativeCallNode(native, CompileArgs(c, s));
        }

        throw new JqParseException($"{c.Name}/{arity} is not defined", c.Pos);
    }

    private JqNode[] CompileArgs(CallAst c, JqScope? s) => c.Args.Select(a => Compile(a, s)).ToArray();

    /// <summary>Compile-time checks of builtins whose arguments are constants (e.g. regexes TrailSift cannot reproduce).</summary>
    partial void CheckCall(CallAst c);

    private JqBinder CompileBinder(IReadOnlyList<JqPattern> patterns, JqScope? s, out JqScope? inner)
    {
        var names = new List<string>();
        foreach (JqPattern p in patterns)
        {
            p.CollectNames(names);
        }

        var matchers = patterns.Select(p => CompileMatcher(p, names, s)).ToArray();
        inner = s;
        foreach (string n in names)
        {
            inner = JqScope.Push(inner, JqScopeKind.Var, n);
        }

        return new JqBinder(matchers, names.Count);
    }

    private JqMatcher CompileMatcher(JqPattern p, List<string> names, JqScope? s) => p switch
    {
        VarPattern v => new VarMatcher(names.IndexOf(v.Name)),
        ArrayPattern a => new ArrayMatcher(a.Elements.Select(e => CompileMatcher(e, names, s)).ToArray()),
        ObjectPattern o => new ObjectMatcher(o.Entries.Select(e => new ObjectMatcherEntry(
            e.KeyVar is not null ? new LiteralNode(new JqString(e.KeyVar)) : Compile(e.Key!, s),
            e.KeyVar is not null ? names.IndexOf(e.KeyVar) : -1,
            e.Value is null ? null : CompileMatcher(e.Value, names, s))).ToArray()),
        _ => throw new JqParseException("unsupported pattern", p.Pos),
    };
}
