using System.Globalization;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output.Usage;

/// <summary>
/// Writes a <see cref="UsageReport"/> as one self-contained HTML page: inline style and SVG, no script, no external
/// asset (its Content-Security-Policy forbids loading any), so it opens offline and can be mailed. Per principal: the
/// summary, a chart of granted actions per service by verdict, the marked grants, the calls the current policies do not
/// allow, the reduced policy with its replay, and a line diff from the current policies to it. Every text from logs,
/// authorization details and policies is HTML-escaped (<see cref="HtmlText"/>). Computes nothing.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static partial class UsageHtmlPrinter
{
    /// <summary>Writes the report.</summary>
    public static void Print(UsageReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>trailsift unused</title>

            """);
        output.Write("<style>\n" + Style + "</style>\n</head>\n<body>\n<h1>trailsift unused: granted versus used</h1>\n");
        WriteCoverage(report, output);
        output.Write("<nav><ul>\n");
        for (int i = 0; i < report.Arns.Length; i++)
        {
            output.Write(Invariant($"<li><a href=\"#p{i}\">{E(report.Arns[i])}</a></li>\n"));
        }

        output.Write("</ul></nav>\n");
        // Each principal is rendered on its own, several at once; the sections are written in order.
        string newLine = output.NewLine;
        foreach (string section in report.Render((principal, index) => Section(principal, index, newLine)))
        {
            output.Write(section);
        }

        output.Write("</body>\n</html>\n");
    }

    private static void WriteCoverage(UsageReport report, TextWriter output)
    {
        InputCoverage coverage = report.Coverage;
        output.Write(Invariant($"<section class=\"coverage\"><h2>Input</h2><p>{coverage.Events} events, {Time(coverage.FirstTicks)} to {Time(coverage.LastTicks)}</p><ul>\n"));
        foreach ((string account, var regions) in coverage.Regions)
        {
            output.Write($"<li>account {E(account)}: {E(string.Join(", ", regions))}</li>\n");
        }

        output.Write(coverage.DataEvents.IsEmpty
            ? "<li>data events: none (data-plane actions are not visible)</li>\n"
            : "<li>data events: " + E(string.Join(", ", coverage.DataEvents.Select(static p => Invariant($"{p.Key} {p.Value}")))) + "</li>\n");
        output.Write("</ul>\n");
        foreach (string problem in report.Diagnostics)
        {
            output.Write($"<p class=\"warning\">warning: {E(problem)}</p>\n");
        }

        output.Write("</section>\n");
    }

    private static string Section(PrincipalUsage principal, int index, string newLine)
    {
        using var section = new StringWriter(CultureInfo.InvariantCulture) { NewLine = newLine };
        WritePrincipal(principal, index, section);
        return section.ToString();
    }

    private static void WritePrincipal(PrincipalUsage principal, int index, TextWriter output)
    {
        EffectivePolicies policies = principal.Policies;
        output.Write(Invariant($"<section class=\"principal\" id=\"p{index}\" data-principal=\"{E(policies.Principal.Arn)}\">\n"));
        output.Write($"<h2>{E(policies.Principal.Arn)}</h2>\n");
        output.Write(Invariant($"<p class=\"summary\">{principal.Calls} calls replayed; granted actions: {Summary(principal)}</p>\n<ul class=\"policies\">\n"));
        foreach (GrantedPolicy policy in policies.Identity)
        {
            output.Write($"<li>policy {E(policy.Label)}</li>\n");
        }

        if (policies.Boundary is not null)
        {
            output.Write($"<li>{E(policies.Boundary.Label)}</li>\n");
        }

        foreach (string unknown in policies.Unknown)
        {
            output.Write($"<li class=\"warning\">unknown {E(unknown)}: not in the authorization details, so the verdicts cover the known policies only</li>\n");
        }

        if (principal.AccessAdvisorSource is not null)
        {
            output.Write($"<li>access advisor {E(principal.AccessAdvisorSource)} {E(UsageWords.AccessAdvisorLimits)}</li>\n");
        }

        output.Write("</ul>\n");
        WriteChart(principal, output);
        WriteGrants(principal, output);
        WriteReduced(principal, output);
        output.Write("</section>\n");
    }

    private static void WriteGrants(PrincipalUsage principal, TextWriter output)
    {
        output.Write("<h3>Granted actions</h3>\n<table class=\"grants\"><thead><tr><th></th><th>action</th><th>statement</th><th>verdict</th></tr></thead><tbody>\n");
        foreach (GrantUsage grant in principal.Grants)
        {
            string sid = grant.Sid is null ? string.Empty : " (" + grant.Sid + ")";
            output.Write(Invariant($"<tr class=\"{Css(grant.Verdict)}\"><td>{Marker(grant.Verdict)}</td><td>{E(grant.Action)}</td><td>{E(grant.Policy + ", statement " + grant.StatementIndex + sid)}</td><td>{E(Detail(grant))}</td></tr>\n"));
        }

        output.Write("</tbody></table>\n");
        if (!principal.NotAllowedNow.IsEmpty)
        {
            output.Write("<h3>Calls the current policies do not allow</h3>\n<ul class=\"refused\">\n");
            foreach (PermissionUse use in principal.NotAllowedNow)
            {
                string decision = use.Undecidable ? "undecidable" : use.Decision.ToString();
                output.Write(Invariant($"<li>{E(use.Action)} on {E(use.Resource)}: {use.Calls} call(s), {decision}</li>\n"));
            }

            output.Write("</ul>\n");
        }

        foreach ((string name, long n) in principal.Unmapped)
        {
            output.Write(Invariant($"<p class=\"warning\">unmapped: {E(name)} ({n} call(s)): not judged</p>\n"));
        }
    }

    private static void WriteReduced(PrincipalUsage principal, TextWriter output)
    {
        ReducedPolicy reduced = principal.Reduced;
        ReplayVerification v = reduced.Verification;
        output.Write("<h3>Reduced policy</h3>\n");
        output.Write(v.Passed
            ? Invariant($"<p class=\"replay passed\">replay: all {v.Requests} allowed requests are still allowed</p>\n")
            : Invariant($"<p class=\"replay failed\">replay FAILED: {v.Requests - v.StillAllowed} of {v.Requests} allowed requests are no longer allowed; do not deploy it</p>\n"));
        output.Write("<ul class=\"kept\">\n");
        foreach (string lost in v.Lost)
        {
            output.Write($"<li class=\"warning\">lost {E(lost)}</li>\n");
        }

        foreach (ReducedStatement statement in reduced.Statements.Where(static s => s.Kind != ReducedStatementKind.Observed))
        {
            output.Write($"<li>{E(statement.Statement.Sid)}: {E(Kind(statement.Kind))}, from {E(statement.Origin)}</li>\n");
        }

        output.Write(Invariant($"<li>size: {reduced.Size} characters without whitespace</li>\n"));
        foreach (string note in reduced.Notes)
        {
            output.Write($"<li>note: {E(note)}</li>\n");
        }

        output.Write("</ul>\n<pre class=\"policy\">" + E(Json(reduced.Document)) + "</pre>\n");
        WriteDiff(principal, output);
    }

    private static void WriteDiff(PrincipalUsage principal, TextWriter output)
    {
        var before = new List<string>();
        foreach (GrantedPolicy policy in principal.Policies.Identity)
        {
            before.Add("# " + policy.Label);
            before.AddRange(Json(policy.Document).Split('\n'));
        }

        List<string> after = ["# reduced policy", .. Json(principal.Reduced.Document).Split('\n')];
        List<(char Kind, string Line)> diff = LineDiff.Diff(before, after);
        output.Write(Invariant($"<h3>Current policies → reduced policy</h3>\n<p class=\"diffstat\">{diff.Count(static d => d.Kind == '-')} lines removed, {diff.Count(static d => d.Kind == '+')} added</p>\n<pre class=\"diff\">"));
        foreach ((char kind, string line) in diff)
        {
            string css = kind switch { '-' => "del", '+' => "add", _ => "same" };
            // A block per line, its line break inside: no blank line between blocks.
            output.Write($"<span class=\"{css}\">{kind} {E(line)}\n</span>");
        }

        output.Write("</pre>\n");
    }

    private static string Json(PolicyDocument document) =>
        PolicyWriter.WriteToString(document, indented: true).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    private static string Summary(PrincipalUsage principal)
    {
        var counts = principal.Counts;
        return Invariant($"<span class=\"used\">{counts[0]} used</span>, <span class=\"unused\">{counts[1]} unused</span>, <span class=\"not-visible\">{counts[2]} not visible</span>, <span class=\"no-data\">{counts[3]} no data</span>");
    }

    private static string E(string? text) => HtmlText.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
