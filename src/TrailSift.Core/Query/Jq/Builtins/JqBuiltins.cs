using TrailSift.Core.Query.Jq.Compiler;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Syntax;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>All builtins: C# natives and the jq-defined prelude (parsed and compiled once per process).</summary>
internal static class JqBuiltins
{
    private static readonly Lazy<Dictionary<string, JqFunction>> Defined = new(CompilePrelude, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Dictionary<string, FuncDefAst>> Asts = new(() => PreludeDefinitions().ToDictionary(d => d.Name + "/" + d.Params.Count), LazyThreadSafetyMode.ExecutionAndPublication);

    public static JqFunction? FindDefined(string name, int arity) => Defined.Value.GetValueOrDefault(name + "/" + arity);

    /// <summary>The syntax trees of the builtins defined in jq, by <c>name/arity</c> (for compile-time analyses).</summary>
    public static Dictionary<string, FuncDefAst> DefinitionAsts => Asts.Value;

    public static IEnumerable<string> AllNames() => JqNatives.Names.Concat(Defined.Value.Keys);

    /// <summary>
    /// Why a call to the builtin <paramref name="name"/>/<paramref name="arity"/> is refused at parse time (a jq builtin
    /// TrailSift does not implement, or a libm function this platform cannot compute as jq does), or null.
    /// </summary>
    public static string? Refusal(string name, int arity) => JqBuiltinNames.NotImplemented.Contains(name + "/" + arity)
        ? $"{name}/{arity} is a jq builtin that trailsift does not implement"
        : LibM.Refusal(name, arity);

    private static List<FuncDefAst> PreludeDefinitions()
    {
        JqAst ast = JqParser.Parse(JqPrelude.Source + " .");
        var defs = new List<FuncDefAst>();
        while (ast is FuncDefAst d)
        {
            defs.Add(d);
            ast = d.Rest;
        }

        return defs;
    }

    private static Dictionary<string, JqFunction> CompilePrelude()
    {
        List<FuncDefAst> defs = PreludeDefinitions();

        var table = new Dictionary<string, JqFunction>(StringComparer.Ordinal);
        foreach (FuncDefAst d in defs)
        {
            table[d.Name + "/" + d.Params.Count] = new JqFunction(d.Name, d.Params.Select(p => p.StartsWith('$')).ToArray());
        }

        // A definition that needs a builtin this build lacks is dropped (its callers then fail to compile), never stubbed.
        bool changed = true;
        while (changed)
        {
            changed = false;
            var compiler = new JqCompiler(table, globals: ["ENV", "__prog_name"]);
            foreach (FuncDefAst d in defs)
            {
                string key = d.Name + "/" + d.Params.Count;
                if (!table.TryGetValue(key, out JqFunction? f))
                {
                    continue;
                }

                try
                {
                    f.Body = compiler.CompileFunctionBody(d, null);
                }
                catch (JqParseException)
                {
                    table.Remove(key);
                    changed = true;
                }
            }
        }

        return table;
    }
}
