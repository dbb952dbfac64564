using System.Text;
using System.Text.Json;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Analysis.Counting;
using TrailSift.Core.Events;
using TrailSift.Core.Output.Counting;
using TrailSift.Core.Query;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Commands;

/// <summary><c>trailsift count [--by PATH[,PATH...]] [FILTER] [PATH...]</c>: counts of matching events, grouped.</summary>
public sealed class CountCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "count";

    /// <inheritdoc />
    public string Usage => "count [--by PATH[,PATH...]] [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "count matching events, grouped by any fields";

    /// <inheritdoc />
    public string Details => """
        Groups are sorted by count, then key. Without --by, prints the total.

        Examples:
          trailsift count --by eventName samples/emr-launch
          trailsift count --by .eventSource,.errorCode --denied --top 10 logs/
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => CountSettings.All;

    /// <summary>The output formats.</summary>
    public static OutputFormats<CountFormat> Formats { get; } =
        new(("table", CountFormat.Table), ("tsv", CountFormat.Tsv), ("csv", CountFormat.Csv), ("ndjson", CountFormat.Ndjson), ("json", CountFormat.Json));

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var run = new CommandRun(env);
        ConsoleReporter reporter = run.Reporter;
        if (!Formats.TryRead(args, env.StdoutIsTerminal ? "table" : "tsv", reporter, out CountFormat format))
        {
            return ExitCodes.Error;
        }

        int top = int.MaxValue;
        if (args.Get(CountSettings.Top.Name) is string t && (!int.TryParse(t, out top) || top < 1))
        {
            reporter.Message($"--top: expected a positive number, got '{t}'");
            return ExitCodes.Error;
        }

        var paths = new List<FieldPath>();
        foreach (string p in args.GetAll(CountSettings.By.Name))
        {
            FieldPathParseResult parsed = FieldPath.Parse(p);
            if (!parsed.Success)
            {
                env.Stderr.WriteLine("trailsift: --by: invalid path");
                env.Stderr.WriteLine(parsed.Error!.Render());
                return ExitCodes.Error;
            }

            paths.Add(parsed.Path!);
        }

        ScanPlan? plan = ScanPlanBuilder.Build(args, env, reporter);
        if (plan is null)
        {
            return ExitCodes.Error;
        }

        var selectors = paths.Select(p => (Func<EventRecord, JsonNode>)p.Evaluate).ToList();
        ScanResult<GroupCounter> result = ScanRunner.Run(plan, env, reporter, () => new GroupCounter(selectors));
        GroupCounter total = CommandRun.Merge(result, static (a, b) => a.Merge(b));
        run.WriteText(writer =>
        {
            if (paths.Count == 0)
            {
                CountPrinter.WriteTotal(writer, format, total.Total);
            }
            else
            {
                IReadOnlyList<GroupCount> groups = total.Groups();
                if (groups.Count > top)
                {
                    groups = groups.Take(top).ToList();
                }

                CountPrinter.WriteGroups(writer, format, KeyNames(paths), groups, run.Color);
            }
        });
        return run.FinishFound(total.Total > 0, "counts may be incomplete");
    }

    // Keys are the paths' last names unless two paths share one; then the whole path is used.
    private static List<string> KeyNames(List<FieldPath> paths)
    {
        var names = paths.Select(p => p.LastName).ToList();
        bool ambiguous = names.Distinct(StringComparer.Ordinal).Count() != names.Count;
        return ambiguous ? paths.Select(p => p.ToString().TrimStart('.')).ToList() : names;
    }
}
