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

/// <summary><c>trailsift count [--by EXPR[,EXPR...]] [FILTER] [PATH...]</c>: counts of matching events, grouped.</summary>
public sealed class CountCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "count";

    /// <inheritdoc />
    public string Usage => "count [--by EXPR[,EXPR...]] [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "count matching events, grouped by any fields";

    /// <inheritdoc />
    public string Details => """
        Counts the events FILTER selects: a condition C (shorthand for '.Records[] | select(C)'), or
        '.Records[] | select(...)'. Each --by is a jq expression evaluated on the event (a plain path such as
        eventName or .userIdentity.arn, or any jq such as '.eventTime[0:13]' for hourly buckets); its value is
        its one output (null when none, the array of its outputs when several). Groups are sorted by count,
        then key. Without --by, prints the total.

        Examples:
          trailsift count --by eventName samples/emr-launch
          trailsift count --by .eventSource,.errorCode --denied --top 10 logs/
          trailsift count --by '.eventTime[0:13]' logs/
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

        var keys = new List<EventExpression>();
        foreach (string p in args.GetAll(CountSettings.By.Name))
        {
            if (EventExpression.Parse(p, out string? error) is not EventExpression key)
            {
                env.Stderr.WriteLine("trailsift: --by: invalid jq expression");
                env.Stderr.WriteLine(error);
                return ExitCodes.Error;
            }

            keys.Add(key);
        }

        ScanPlan? plan = ScanPlanBuilder.Build(args, env, reporter);
        if (plan is null)
        {
            return ExitCodes.Error;
        }

        plan.Filter.ReportEventProblems(reporter.Report); // an event over its budget (a regex timeout) is reported; the scan goes on

        var writers = keys.Select(k => (GroupKeyWriter)k.WriteKey).ToList();
        ScanResult<GroupCounter> result = ScanRunner.Run(plan, env, reporter, () => new GroupCounter(writers));
        GroupCounter total = CommandRun.Merge(result, static (a, b) => a.Merge(b));
        run.WriteText(writer =>
        {
            if (keys.Count == 0)
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

                CountPrinter.WriteGroups(writer, format, KeyNames(keys), groups, run.Color);
            }
        });
        return run.FinishFound(total.Total > 0, "counts may be incomplete");
    }

    // Keys are the expressions' names (a path's last field) unless two share one; then the whole expression is used.
    private static List<string> KeyNames(List<EventExpression> keys)
    {
        var names = keys.Select(k => k.Name).ToList();
        bool ambiguous = names.Distinct(StringComparer.Ordinal).Count() != names.Count;
        return ambiguous ? keys.Select(k => k.Text.Trim().TrimStart('.')).ToList() : names;
    }
}
