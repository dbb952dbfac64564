using System.Text;
using TrailSift.Cli.Settings;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Input;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Cli.Commands;

/// <summary><c>trailsift jq</c>: a drop-in jq 1.7.1 for any JSON (gzip read transparently), with jq's flags, output and exit codes.</summary>
/// <remarks>It parses its own arguments (jq's syntax: combined short flags, two-value options) through <see cref="RunRaw"/>.</remarks>
public sealed partial class JqCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "jq";

    /// <inheritdoc />
    public string Usage => "jq [OPTIONS] FILTER [FILES...]";

    /// <inheritdoc />
    public string Summary => "run a jq program on any JSON, exactly as jq 1.7.1 does (docs/jq.md)";

    /// <inheritdoc />
    public string Details => """
        Reads JSON texts (concatenated or whitespace-separated; .gz read transparently) from FILES or stdin and
        prints what jq 1.7.1 prints. Exit codes are jq's: 0 ok, 1/4 with -e, 2 usage or input errors, 3 compile
        errors, 5 runtime errors. Constructs TrailSift cannot reproduce exactly are refused when the program is
        compiled, with a caret. A runaway program stops with an error when it exceeds --max-steps or --max-memory.
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("raw-output", OptionArity.Flag, "print strings without quotes", Short: 'r'),
        new("join-output", OptionArity.Flag, "like -r, without newlines", Short: 'j'),
        new("ascii-output", OptionArity.Flag, "escape non-ASCII characters", Short: 'a'),
        new("compact-output", OptionArity.Flag, "one line per output", Short: 'c'),
        new("slurp", OptionArity.Flag, "read all inputs into one array", Short: 's'),
        new("null-input", OptionArity.Flag, "run once on null (read inputs with input/inputs)", Short: 'n'),
        new("raw-input", OptionArity.Flag, "each line is a string input", Short: 'R'),
        new("exit-status", OptionArity.Flag, "exit 1 if the last output is false or null, 4 if there was none", Short: 'e'),
        new("sort-keys", OptionArity.Flag, "sort object keys", Short: 'S'),
        new("color-output", OptionArity.Flag, "colour output (JQ_COLORS honoured)", Short: 'C'),
        new("monochrome-output", OptionArity.Flag, "no colour", Short: 'M'),
        new("tab", OptionArity.Flag, "indent with tabs"),
        new("indent", OptionArity.Single, "indent with N spaces (0-7)", "N"),
        new("arg", OptionArity.Single, "set $NAME to the string VALUE", "NAME VALUE"),
        new("argjson", OptionArity.Single, "set $NAME to the JSON TEXT", "NAME TEXT"),
        new("slurpfile", OptionArity.Single, "set $NAME to an array of the JSON texts in FILE", "NAME FILE"),
        new("rawfile", OptionArity.Single, "set $NAME to the contents of FILE", "NAME FILE"),
        new("args", OptionArity.Flag, "remaining arguments are strings ($ARGS.positional)"),
        new("jsonargs", OptionArity.Flag, "remaining arguments are JSON texts ($ARGS.positional)"),
        new("from-file", OptionArity.Single, "read the program from FILE", "FILE", 'f'),
        new("seq", OptionArity.Flag, "write an RS (0x1e) before each output"),
        new("max-steps", OptionArity.Single, "evaluation budget in steps per input (default 2^32; 0 = none)", "N"),
        new("max-memory", OptionArity.Single, "evaluation budget in MiB of heap (default 4096; 0 = none)", "MIB"),
    ];

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env) => RunRaw([.. args.Positionals], env);

    /// <summary>Runs with jq's own argument syntax; returns jq's exit code.</summary>
    public int RunRaw(string[] args, AppEnvironment env)
    {
        return JqLargeStack.Run(() => RunOnBigStack(args, env));
    }

    private static int RunOnBigStack(string[] args, AppEnvironment env)
    {
        bool parsed = JqOptions.TryParse(args, out JqOptions? o, out string? usageError, out bool fatal);
        if (parsed && o!.NoFilter && env.StdinIsTerminal && env.StdoutIsTerminal)
        {
            parsed = false;
            usageError = "no filter given";
        }

        if (!parsed)
        {
            // jq's words, with "trailsift jq" where jq prints its own name.
            env.Stderr.WriteLine("trailsift jq: " + usageError);
            if (!fatal)
            {
                env.Stderr.WriteLine("Use trailsift jq --help for help with command-line options,");
                env.Stderr.WriteLine("or see the jq manpage, or online docs  at https://jqlang.github.io/jq");
            }

            return 2;
        }

        JqProgram program;
        try
        {
            program = JqProgram.Compile(o!.Filter, o.Variables.Keys.Append("ARGS"));
        }
        catch (JqParseException e)
        {
            for (JqParseException? err = e; err is not null; err = err.Next)
            {
                env.Stderr.WriteLine("jq: error: " + err.Render(o!.Filter));
            }

            env.Stderr.WriteLine(e.Count == 1 ? "jq: 1 compile error" : $"jq: {e.Count} compile errors");
            return 3;
        }
        catch (InsufficientExecutionStackException)
        {
            env.Stderr.WriteLine("jq: error: program nested too deeply");
            env.Stderr.WriteLine("jq: 1 compile error");
            return 3;
        }

        return new JqRun(o, program, env).Execute();
    }
}
