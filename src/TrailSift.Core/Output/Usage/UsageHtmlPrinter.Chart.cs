using TrailSift.Core.Analysis.Usage;

namespace TrailSift.Core.Output.Usage;

// The per-service chart (inline SVG) and the page's style.
public static partial class UsageHtmlPrinter
{
    private const int BarWidth = 480;
    private const int Row = 22;
    private const int LabelWidth = 170;

    private static readonly UsageVerdict[] Order = [UsageVerdict.Used, UsageVerdict.NotVisible, UsageVerdict.NoData, UsageVerdict.Unused];

    private const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #1b1b1b; overflow-wrap: anywhere; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; word-break: break-all; border-top: 2px solid #ccc; padding-top: .6em; }
        h3 { font-size: 1.05em; margin-top: 1.4em; }
        table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 2px 6px; vertical-align: top; }
        tbody tr:nth-child(odd) { background: #f6f6f6; } td:nth-child(2) { font-family: ui-monospace, monospace; white-space: nowrap; }
        pre { background: #f4f4f4; padding: .6em; overflow-x: auto; font-size: 12px; }
        .used { color: #1b6e20; } .unused { color: #b71c1c; } .not-visible { color: #555; } .no-data { color: #8a6d00; }
        tr.unused td:first-child, tr.used td:first-child { font-weight: bold; }
        .warning { color: #8a4b00; } .replay.passed { color: #1b6e20; font-weight: bold; } .replay.failed { color: #b71c1c; font-weight: bold; }
        .diff .del { background: #fde7e7; display: block; } .diff .add { background: #e4f6e4; display: block; } .diff .same { display: block; color: #666; }
        .legend span { margin-right: 1.2em; } .legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -1px; }
        svg text { font: 12px system-ui, sans-serif; }

        """;

    private static void WriteChart(PrincipalUsage principal, TextWriter output)
    {
        // One verdict per action (the strongest over the statements granting it), counted per service.
        var byAction = new Dictionary<string, UsageVerdict>(StringComparer.OrdinalIgnoreCase);
        foreach (GrantUsage grant in principal.Grants)
        {
            byAction[grant.Action] = byAction.TryGetValue(grant.Action, out UsageVerdict seen) ? Stronger(seen, grant.Verdict) : grant.Verdict;
        }

        var services = byAction.GroupBy(static p => Service(p.Key), StringComparer.OrdinalIgnoreCase)
            .Select(static g => (Service: g.Key, Counts: Order.Select(v => g.Count(p => p.Value == v)).ToArray()))
            .OrderBy(static s => s.Service, StringComparer.Ordinal).ToList();
        output.Write("<h3>Granted actions per service</h3>\n");
        if (services.Count == 0)
        {
            output.Write("<p>No Allow statement grants an action.</p>\n");
            return;
        }

        int max = services.Max(static s => s.Counts.Sum());
        int height = services.Count * Row + 4;
        output.Write(Invariant($"<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{LabelWidth + BarWidth + 60}\" height=\"{height}\" viewBox=\"0 0 {LabelWidth + BarWidth + 60} {height}\">\n"));
        output.Write("<title>granted actions per service: used, not visible, no data, unused</title>\n");
        for (int i = 0; i < services.Count; i++)
        {
            (string service, int[] counts) = services[i];
            int y = i * Row + 2;
            output.Write(Invariant($"<g class=\"service\" data-service=\"{E(service)}\"><text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{E(service)}</text>"));
            double x = LabelWidth;
            for (int v = 0; v < Order.Length; v++)
            {
                if (counts[v] == 0)
                {
                    continue;
                }

                double width = BarWidth * (double)counts[v] / max;
                output.Write(Invariant($"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"{width:0.#}\" height=\"{Row - 6}\" fill=\"{Color(Order[v])}\"><title>{E(service)}: {counts[v]} {Word(Order[v])}</title></rect>"));
                x += width;
            }

            output.Write(Invariant($"<text x=\"{x + 6:0.#}\" y=\"{y + 15}\">{counts.Sum()}</text></g>\n"));
        }

        output.Write("</svg>\n<figcaption class=\"legend\">");
        foreach (UsageVerdict verdict in Order)
        {
            output.Write($"<span><i style=\"background:{Color(verdict)}\"></i>{Word(verdict)}</span>");
        }

        output.Write("</figcaption></figure>\n");
    }

    private static UsageVerdict Stronger(UsageVerdict a, UsageVerdict b) => Array.IndexOf(Order, a) <= Array.IndexOf(Order, b) ? a : b;

    private static string Service(string action)
    {
        int colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? action[..colon] : action;
    }

    private static string Color(UsageVerdict verdict) => verdict switch
    {
        UsageVerdict.Used => "#2e7d32",
        UsageVerdict.Unused => "#c62828",
        UsageVerdict.NotVisible => "#9e9e9e",
        _ => "#f9a825",
    };

    private static string Word(UsageVerdict verdict) => verdict switch
    {
        UsageVerdict.Used => "used",
        UsageVerdict.Unused => "unused",
        UsageVerdict.NotVisible => "not visible",
        _ => "no data",
    };

    private static string Css(UsageVerdict verdict) => Word(verdict).Replace(' ', '-');

    private static string Marker(UsageVerdict verdict) => UsageWords.Marker(verdict);

    private static string Detail(GrantUsage grant) => UsageWords.Detail(grant);

    private static string Kind(ReducedStatementKind kind) => UsageWords.Kind(kind);

    private static string Time(long ticks) => UsageWords.Time(ticks);
}
