using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Commands;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Commands;

/// <summary>
/// Any <see cref="AnalysisDescriptor"/> as a verb: its options (after the shared scan options) become
/// <see cref="OptionSpec"/>s, so help, completion and the man page show them; a run validates <c>--format</c>
/// (<see cref="OutputFormats{T}"/>), asks the descriptor for its run, builds the scan plan and executes the run on
/// <see cref="ScanRunner"/> and <see cref="CommandRun"/> (exit 0 with results, 1 without, 2 after input problems).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class AnalysisCommand : ICommand
{
    private readonly AnalysisDescriptor _analysis;
    private readonly OutputFormats<AnalysisFormat> _formats;

    /// <summary>Makes a verb of <paramref name="analysis"/>.</summary>
    public AnalysisCommand(AnalysisDescriptor analysis)
    {
        _analysis = analysis;
        _formats = new OutputFormats<AnalysisFormat>([.. analysis.Formats.Select(static f => (f.Name, f))]);
        Options = [.. ScanOptions.All, .. analysis.Options.Select(ToSpec)];
    }

    /// <inheritdoc />
    public string Name => _analysis.Name;

    /// <inheritdoc />
    public string Usage => _analysis.Usage;

    /// <inheritdoc />
    public string Summary => _analysis.Summary;

    /// <inheritdoc />
    public string Details => _analysis.Details;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options { get; }

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var run = new CommandRun(env);
        if (!_formats.TryRead(args, _analysis.Formats[0].Name, run.Reporter, out AnalysisFormat format))
        {
            return ExitCodes.Error;
        }

        // A JSON-array format: the same lines as one document (docs/json-output.md).
        JsonArrayStream? array = format.JsonArray ? new JsonArrayStream(env.Stdout, JsonArrayStream.LineEnd) : null;
        if (array is not null)
        {
            env = env with { Stdout = array };
            run = new CommandRun(env);
        }

        AnalysisRun? analysis = _analysis.Prepare(args, format, out string? error);
        if (analysis is null)
        {
            run.Reporter.Message(error ?? "invalid options");
            return ExitCodes.Error;
        }

        ScanPlan? plan = ScanPlanBuilder.Build(args, env, run.Reporter);
        if (plan is null)
        {
            return ExitCodes.Error;
        }

        long results = analysis.Execute(new Host(plan, run));
        array?.Complete();
        return run.FinishFound(results > 0);
    }

    private static OptionSpec ToSpec(AnalysisOption o) => new(o.Name, o.Arity switch
    {
        AnalysisOptionArity.Flag => OptionArity.Flag,
        AnalysisOptionArity.Single => OptionArity.Single,
        _ => OptionArity.Repeated,
    }, o.Help, o.ValueName, o.Short, o.Group);

    // The skeleton's side of a run: the scan of the plan, standard output, flushing.
    private sealed class Host(ScanPlan plan, CommandRun run) : IAnalysisHost
    {
        public Stream Output => run.Env.Stdout;

        public ScanResult<TSink> Scan<TSink>(Func<TSink> createSink, IEventPredicate? context)
            where TSink : IEventSink, ISequencedSink => ScanRunner.Run(plan, run.Env, run.Reporter, createSink, context);

        public void WriteText(Action<TextWriter> write) => run.WriteText(write);

        public void Flush(OrderedOutput output) => CommandRun.Flush(output);
    }
}
