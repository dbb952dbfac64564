using System.Text;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Output;
using TrailSift.Core.Query;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Commands;

/// <summary><c>trailsift query FILTER [PATH...]</c>: print the matching events.</summary>
public sealed class QueryCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "query";

    /// <inheritdoc />
    public string Usage => "query [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "print the events that match a jq filter and the shortcut options";

    /// <inheritdoc />
    public string Details => """
        FILTER is a jq filter such as '.Records[] | select(.eventName == "RunInstances")' or just
        '.errorCode == "AccessDenied"'. PATHs are files or directories (recursive; .json, .json.gz,
        NDJSON, lookup-events output); none or '-' reads standard input.

        Examples:
          trailsift query '.eventName == "CreateQueue"' samples/emr-launch
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
                FieldPathParseResult p = FieldPath.Parse(f);
                if (!p.Success)
                {
                    env.Stderr.WriteLine($"trailsift: --fields: invalid path");
                    env.Stderr.WriteLine(p.Error!.Render());
                    return ExitCodes.Error;
                }

                FieldPath path = p.Path!;
                list.Add(new EventColumn(path.LastName, r => EventColumn.TextOf(path.Evaluate(r))));
            }

            columns = list;
        }

        ScanPlan? plan = ScanPlanBuilder.Build(args, env, reporter);
        if (plan is null)
        {
            return ExitCodes.Error;
        }

        long matches;
        if (format is EventFormat.Table or EventFormat.Csv)
        {
            ScanResult<RowCollectingSink> result = ScanRunner.Run(plan, env, reporter, () => new RowCollectingSink(columns));
            List<CollectedRow> rows = RowCollectingSink.MergeInOrder(result.Sinks, sort == "time");
            matches = rows.Count;
            var headers = columns.Select(c => c.Header).ToList();
            run.WriteText(writer =>
            {
                if (format == EventFormat.Table)
                {
                    if (rows.Count > 0)
                    {
                        TableWriter.WriteTable(writer, headers, rows.Select(r => r.Cells), run.Color);
                    }
                }
                else
                {
                    TableWriter.WriteCsvLine(writer, headers);
                    foreach (CollectedRow row in rows)
                    {
                        TableWriter.WriteCsvLine(writer, row.Cells);
                    }
                }
            });
        }
        else if (sort == "time")
        {
            ScanResult<EventCollectingSink> result = ScanRunner.Run(plan, env, reporter, () => new EventCollectingSink());
            List<CollectedEvent> events = EventCollectingSink.MergeByTime(result.Sinks);
            matches = events.Count;
            var output = new OrderedOutput(env.Stdout);
            OrderedWriter writer = output.CreateWriter();
            writer.Begin(0);
            using var record = new EventRecord();
            foreach (CollectedEvent e in events)
            {
                record.Load(e.Utf8, 0, e.Utf8.Length);
                if (format == EventFormat.Json)
                {
                    JsonNodeWriter.WriteIndented(record.Root, writer);
                }
                else
                {
                    JsonNodeWriter.WriteCompact(record.Root, writer);
                }

                JsonNodeWriter.Put(writer, "\n"u8);
            }

            writer.End();
            CommandRun.Flush(output);
        }
        else
        {
            var output = new OrderedOutput(env.Stdout);
            ScanResult<EventPrintingSink> result = ScanRunner.Run(plan, env, reporter,
                () => new EventPrintingSink(output.CreateWriter(), format == EventFormat.Json));
            CommandRun.Flush(output);
            matches = result.Stats.Matches;
        }

        return run.FinishFound(matches > 0);
    }
}
