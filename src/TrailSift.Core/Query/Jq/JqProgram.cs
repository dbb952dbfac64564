using TrailSift.Core.Query.Jq.Compiler;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq;

/// <summary>A compiled jq program (jq 1.7.1 semantics). Thread-safe: run it concurrently with one <see cref="JqContext"/> per thread.</summary>
public sealed class JqProgram
{
    private readonly JqNode _root;

    private JqProgram(string source, JqNode root)
    {
        Source = source;
        _root = root;
    }

    /// <summary>The program text.</summary>
    public string Source { get; }

    /// <summary>Parses and compiles <paramref name="source"/>; <paramref name="globals"/> names the <c>$variables</c> the caller will define.</summary>
    /// <exception cref="JqParseException">The program is not valid jq, or uses something TrailSift refuses.</exception>
    public static JqProgram Compile(string source, IEnumerable<string>? globals = null)
    {
        JqAst ast = JqParser.Parse(source);
        JqNode root = new JqCompiler(null, globals ?? []).CompileProgram(ast);
        JqBreakCheck.Check(ast);
        JqPathCheck.Check(ast);
        return new JqProgram(source, root);
    }

    /// <summary>Compiles an already parsed program (a stage of a larger one); its source is the stage printed back.</summary>
    internal static JqProgram FromAst(JqAst ast)
    {
        JqNode root = new JqCompiler(null, []).CompileProgram(ast);
        JqBreakCheck.Check(ast);
        JqPathCheck.Check(ast);
        return new(ast.ToString(), root);
    }

    /// <summary>Parses <paramref name="source"/> and prints it back (normalised jq source).</summary>
    public static string Format(string source) => JqParser.Parse(source).ToString();

    /// <summary>Runs the program on <paramref name="input"/>, calling <paramref name="output"/> per result.</summary>
    /// <exception cref="JqRuntimeException">A jq error ended the run (outputs before it were delivered).</exception>
    public void Run(JqContext context, JqValue input, Action<JqValue> output)
    {
        context.PendingBreak = null;
        JqContext? outer = JqContext.Running;
        JqContext.Running = context;
        bool ok;
        try
        {
            ok = _root.Run(context, input, null, v =>
            {
                output(v);
                return true;
            });
        }
        finally
        {
            JqContext.Running = outer;
        }

        if (!ok && context.PendingBreak is not null)
        {
            context.PendingBreak = null;
            throw new JqRuntimeException("break");
        }
    }

    /// <summary>All results of running on <paramref name="input"/>.</summary>
    public List<JqValue> RunAll(JqValue input, JqContext? context = null)
    {
        var list = new List<JqValue>();
        Run(context ?? new JqContext(), input, list.Add);
        return list;
    }
}
