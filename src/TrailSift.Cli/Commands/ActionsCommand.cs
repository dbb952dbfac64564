using System.Text;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Common;
using TrailSift.Core.Analysis.Actions;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Output.Actions;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Commands;

/// <summary>
/// <c>trailsift actions [--summary | --coverage] [FILTER] [PATH...]</c>: the IAM permissions each matching event
/// needed, aggregated per principal, or the mapping coverage of the distinct event names.
/// </summary>
public sealed class ActionsCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "actions";

    /// <inheritdoc />
    public string Usage => "actions [--summary | --coverage] [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "the IAM permissions each matching event needed";

    /// <inheritdoc />
    public string Details => """
        One NDJSON line per event: eventID, eventTime, principal, eventSource, eventName, errorCode,
        permissions [{action, resource, source}], implied (never logged, e.g. iam:PassRole) and notes.
        --summary aggregates per principal; --coverage lists each (eventSource, eventName) with whether it
        mapped to catalog actions, then the share mapped. A guess never counts as mapped.

        Examples:
          trailsift actions --principal EMR_DefaultRole_Restricted samples/emr-launch
          trailsift actions --summary --since 7d logs/
          trailsift actions --coverage logs/
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => ActionsSettings.All;

    /// <summary>The output formats.</summary>
    public static OutputFormats<string> Formats { get; } = new(("ndjson", "ndjson"), ("json", "json"));

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var run = new CommandRun(env);
        ConsoleReporter reporter = run.Reporter;
        if (!Formats.TryRead(args, "ndjson", reporter, out string format))
        {
            return ExitCodes.Error;
        }

        // --format json: the same objects as one document, an array (docs/json-output.md).
        JsonArrayStream? array = format == "json" ? new JsonArrayStream(env.Stdout, JsonArrayStream.LineEnd) : null;
        if (array is not null)
        {
            env = env with { Stdout = array };
            run = new CommandRun(env);
            reporter = run.Reporter;
        }

        bool summary = args.Has(ActionsSettings.Summary.Name), coverage = args.Has(ActionsSettings.Coverage.Name);
        if (summary && coverage)
        {
            reporter.Message("--summary and --coverage cannot be combined");
            return ExitCodes.Error;
        }

        ScanPlan? plan = ScanPlanBuilder.Build(args, env, reporter);
        if (plan is null)
        {
            return ExitCodes.Error;
        }

        EventPermissionMapper mapper = EventPermissionMapper.Default;
        long results;
        if (summary || coverage)
        {
            ScanResult<PermissionAggregator> result = ScanRunner.Run(plan, env, reporter, () => new PermissionAggregator(mapper, coverage));
            PermissionAggregator total = CommandRun.Merge(result, static (a, b) => a.Merge(b));
            long written = 0;
            run.WriteText(writer => written = coverage ? PermissionSummaryPrinter.WriteCoverage(total, writer) : PermissionSummaryPrinter.WriteSummary(total, writer));
            results = written;
        }
        else
        {
            var output = new OrderedOutput(env.Stdout);
            ScanResult<PermissionPrintingSink> result = ScanRunner.Run(plan, env, reporter,
                () => new PermissionPrintingSink(mapper, output.CreateWriter()));
            CommandRun.Flush(output);
            results = result.Stats.Matches;
        }

        array?.Complete();
        return run.FinishFound(results > 0);
    }
}
