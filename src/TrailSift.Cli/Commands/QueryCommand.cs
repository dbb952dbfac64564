using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Output;
using TrailSift.Core.Query;
using TrailSift.Core.Query.Running;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Commands;

/// <summary><c>trailsift query FILTER [PATH...]</c>: print the matching events, or run a jq program.</summary>
public sealed partial class QueryCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "query";

    /// <inheritdoc />
    public string Usage => "query [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "print the events that match a condition, or run a jq program on the logs";

    /// <inheritdoc />
    public string Details => """
        FILTER is jq (jq 1.7.1). Two modes:
          a jq program - a filter that mentions .Records, uses input/inputs, or is given with --jq -
            runs on each input document and prints what jq prints (-c, -r, -S, --tab, -a as in jq;
            -s, -n with inputs). '.Records[] | F' is streamed event by event in parallel; other
            shapes hold each document in memory.
          a condition C - any other filter - is shorthand for '.Records[] | select(C)': each event
            where C has a truthy output (and raises no error) is printed once, in --format.
        A filter that can only be a projection, such as '.eventName' or '{eventName}', is refused: write
        '.Records[] | .eventName' to print it, or 'select(.eventName)' / '.eventName != null' to select.
        PATHs are files or directories (recursive; .json, .json.gz, NDJSON, lookup-events output) or s3:// URLs;
        none or '-' reads standard input. The first argument is a path when it exists, is '.' or '..', is an
        s3:// URL, or contains '/' and is not valid jq.

        Examples:
          trailsift query '.eventName == "CreateQueue"' samples/emr-launch
          trailsift query -c '.Records[] | {eventTime, eventName, user: .userIdentity.arn}' samples/emr-launch
          trailsift query '[.Records[] | select(.errorCode)] | length' samples/emr-launch
          trailsift query --denied --principal EMR_DefaultRole_Restricted samples/emr-launch
          trailsift query --event RunInstances --format json --since 2024-05-01 logs/
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => QuerySettings.All;

    /// <summary>The output formats.</summary>
    public static OutputFormats<EventFormat> Formats { get; } =
        new(("ndjson", EventFormat.Ndjson), ("json", EventFormat.Json), ("table", EventFormat.Table), ("csv", EventFormat.Csv));

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var run = new CommandRun(env);
        ConsoleReporter reporter = run.Reporter;
        long limit = long.MaxValue;
        if (args.Get(QuerySettings.Limit.Name) is string l && (!long.TryParse(l, out limit) || limit < 1))
        {
            reporter.Message($"--limit: expected a positive number, got '{l}'");
            return ExitCodes.Error;
        }

        ScanPlan? plan = ScanPlanBuilder.Build(args, env, reporter, programs: true);
        if (plan is null)
        {
            return ExitCodes.Error;
        }

        plan.Filter.ReportEventProblems(reporter.Report); // an event over its budget (a regex timeout) is reported; the scan goes on

        if (plan.Filter.Mode == FilterMode.Program)
        {
            return RunProgram(plan, args, env, run, limit);
        }

        if (JqOnlyOption(args) is string jqOnly)
        {
            reporter.Message($"--{jqOnly} applies to jq programs; '{plan.FilterText}' is a condition (its events print in --format); use --jq to run it as a jq program");
            return ExitCodes.Error;
        }

        return RunCondition(plan, args, env, run, limit);
    }

    private static string? JqOnlyOption(ParsedArgs args) =>
        new[] { QuerySettings.Compact, QuerySettings.Raw, QuerySettings.SortKeys, QuerySettings.Tab, QuerySettings.Ascii, QuerySettings.Slurp, QuerySettings.NullInput }
            .FirstOrDefault(o => args.Has(o.Name))?.Name;

    private static int RunCondition(ScanPlan plan, ParsedArgs args, AppEnvironment env, CommandRun run, long limit)
    {
        ConsoleReporter reporter = run.Reporter;
        if (!Formats.TryRead(args, env.StdoutIsTerminal ? "table" : "ndjson", reporter, out EventFormat format))
        {
            return ExitCodes.Error;
        }

        string? sort = args.Get(QuerySettings.Sort.Name);
        if (sort is not null && sort != "time")
        {
            reporter.Message($"--sort: only 'time' is supported, got '{sort}'");
            return ExitCodes.Error;
        }

        IReadOnlyList<EventColumn> columns = EventColumn.Defaults;
        if (args.GetAll(QuerySettings.Fields.Name) is { Count: > 0 } fields)
        {
            var list = new List<EventColumn>();
            foreach (string f in fields)
            {
                if (EventExpression.Parse(f, out string? error) is not EventExpression e)
                {
                    env.Stderr.WriteLine("trailsift: --fields: invalid jq expression");
                    env.Stderr.WriteLine(error);
                    return ExitCodes.Error;
                }

                list.Add(new EventColumn(e.Name, e.CellText));
            }

            columns = list;
        }

        bool limited = limit < long.MaxValue;
        long matches;
        if (format is EventFormat.Table or EventFormat.Csv)
        {
            ScanResult<RowCollectingSink> result = ScanRunner.Run(plan, env, reporter, () => new RowCollectingSink(columns));
            List<CollectedRow> rows = RowCollectingSink.MergeInOrder(result.Sinks, sort == "time");
            if (rows.Count > limit)
            {
                rows = rows.GetRange(0, (int)limit);
            }

            matches = rows.Count;
            var headers = columns.Select(c => c.Header).ToList();
            run.WriteText(writer => EventListPrinter.WriteRows(writer, format, headers, rows, run.Color));
        }
        else if (sort == "time")
        {
            ScanResult<EventCollectingSink> result = ScanRunner.Run(plan, env, reporter, () => new EventCollectingSink());
            List<CollectedEvent> events = EventCollectingSink.MergeByTime(result.Sinks);
            if (events.Count > limit)
            {
                events = events.GetRange(0, (int)limit);
            }

            matches = events.Count;
            JsonArrayStream? array = format == EventFormat.Json ? new JsonArrayStream(env.Stdout, JqOutputStyle.OutputMarker) : null;
            var output = new OrderedOutput(array ?? env.Stdout);
            EventListPrinter.WriteEvents(output.CreateWriter(), events, format == EventFormat.Json, array is null ? "\n"u8 : [(byte)'\n', JqOutputStyle.OutputMarker]);
            CommandRun.Flush(output);
            array?.Complete();
        }
        else
        {
            // --format json: one document, the array of the events (docs/json-output.md).
            JsonArrayStream? array = format == EventFormat.Json ? new JsonArrayStream(env.Stdout, JqOutputStyle.OutputMarker, limit) : null;
            var output = new OrderedOutput(array ?? (limited ? new OutputLimit(env.Stdout, limit, JqOutputStyle.OutputMarker) : env.Stdout));
            ScanResult<EventPrintingSink> result = ScanRunner.Run(plan, env, reporter,
                () => new EventPrintingSink(output.CreateWriter(), format == EventFormat.Json) { MarkOutputs = limited || array is not null });
            CommandRun.Flush(output);
            array?.Complete();
            matches = result.Stats.Matches;
        }

        return run.FinishFound(matches > 0);
    }
}
