using System.Text;
using System.Text.Json;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Analysis.Counting;
using TrailSift.Core.Events;
using TrailSift.Core.Output;
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

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var reporter = new ConsoleReporter(env.Stderr);
        string format = (args.Get(CountSettings.Format.Name) ?? (env.StdoutIsTerminal ? "table" : "tsv")).ToLowerInvariant();
        if (format is not ("table" or "tsv" or "csv" or "ndjson" or "json"))
        {
            reporter.Message($"--format: expected table, tsv, csv, ndjson or json, got '{format}'");
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
        GroupCounter total = result.Sinks[0];
        for (int i = 1; i < result.Sinks.Count; i++)
        {
            total.Merge(result.Sinks[i]);
        }

        using (var writer = new StreamWriter(env.Stdout, new UTF8Encoding(false), 64 * 1024, leaveOpen: true))
        {
            if (paths.Count == 0)
            {
                WriteTotal(writer, format, total.Total);
            }
            else
            {
                IReadOnlyList<GroupCount> groups = total.Groups();
                if (groups.Count > top)
                {
                    groups = groups.Take(top).ToList();
                }

                WriteGroups(writer, format, KeyNames(paths), groups, env.StdoutIsTerminal && !env.NoColor);
            }
        }

        if (reporter.Problems > 0)
        {
            reporter.Message($"{reporter.Problems} input problem(s); counts may be incomplete");
            return ExitCodes.Error;
        }

        return total.Total > 0 ? ExitCodes.Results : ExitCodes.NoResults;
    }

    private static void WriteTotal(TextWriter w, string format, long total)
    {
        switch (format)
        {
            case "ndjson":
            case "json":
                w.WriteLine($"{{\"count\":{total}}}");
                break;
            case "csv":
                w.WriteLine("count");
                w.WriteLine(total);
                break;
            default:
                w.WriteLine(total);
                break;
        }
    }

    // Keys are the paths' last names unless two paths share one; then the whole path is used.
    private static List<string> KeyNames(List<FieldPath> paths)
    {
        var names = paths.Select(p => p.LastName).ToList();
        bool ambiguous = names.Distinct(StringComparer.Ordinal).Count() != names.Count;
        return ambiguous ? paths.Select(p => p.ToString().TrimStart('.')).ToList() : names;
    }

    private static void WriteGroups(TextWriter w, string format, List<string> names, IReadOnlyList<GroupCount> groups, bool color)
    {
        switch (format)
        {
            case "table":
                TableWriter.WriteTable(w, ["count", .. names], groups.Select(g => (string[])[g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. g.Display]), color);
                break;
            case "tsv":
                foreach (GroupCount g in groups)
                {
                    w.Write(g.Count);
                    foreach (string d in g.Display)
                    {
                        w.Write('\t');
                        w.Write(d.Replace('\t', ' ').Replace('\n', ' '));
                    }

                    w.Write('\n');
                }

                break;
            case "csv":
                TableWriter.WriteCsvLine(w, ["count", .. names]);
                foreach (GroupCount g in groups)
                {
                    TableWriter.WriteCsvLine(w, [g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. g.Display]);
                }

                break;
            default:
                bool array = format == "json";
                if (array)
                {
                    w.Write('[');
                }

                for (int i = 0; i < groups.Count; i++)
                {
                    if (array && i > 0)
                    {
                        w.Write(',');
                    }

                    w.Write(array ? "\n  " : string.Empty);
                    w.Write(GroupJson(names, groups[i]));
                    if (!array)
                    {
                        w.Write('\n');
                    }
                }

                if (array)
                {
                    w.Write(groups.Count > 0 ? "\n]\n" : "]\n");
                }

                break;
        }
    }

    private static string GroupJson(List<string> names, GroupCount g)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            for (int i = 0; i < names.Count; i++)
            {
                json.WritePropertyName(names[i]);
                if (g.Key[i].IsString)
                {
                    json.WriteStringValue(g.Key[i].Text);
                }
                else
                {
                    json.WriteRawValue(g.Key[i].Text, skipInputValidation: true);
                }
            }

            json.WriteNumber("count", g.Count);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
