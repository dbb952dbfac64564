using System.Globalization;
using TrailSift.Core.Analysis.Denied;
using TrailSift.Core.Analysis.Denied.Messages;

namespace TrailSift.Core.Output.Denied;

/// <summary>
/// Writes a <see cref="DeniedReport"/> for people: one block per principal, then per group the action and resource,
/// count and times, reason, who called, fix, hints and notes; optional ANSI colour; <c>--related</c> lists the
/// events the hints refer to. Also the one-line summary for stderr.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class DeniedTextPrinter
{
    private const string Bold = TerminalText.Bold, Cyan = TerminalText.Cyan, Yellow = TerminalText.Yellow, Red = TerminalText.Red,
        Green = TerminalText.Green, Magenta = TerminalText.Magenta, Dim = TerminalText.Dim, Reset = TerminalText.Reset;

    private const string Indent = "              ";

    /// <summary>Writes the report.</summary>
    public static void Write(TextWriter w, DeniedReport report, bool color, bool related)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        w = TerminalTextWriter.Guard(w, color);
        string Paint(string code, string text) => color ? code + text + Reset : text;

        int i = 0;
        while (i < report.Groups.Count)
        {
            string principal = report.Groups[i].Principal;
            int end = i;
            long calls = 0;
            while (end < report.Groups.Count && report.Groups[end].Principal == principal)
            {
                calls += report.Groups[end].Count;
                end++;
            }

            w.WriteLine(Paint(Bold, principal));
            w.WriteLine($"  {Plural(calls, "denied call")} in {Plural(end - i, "group")}");
            for (; i < end; i++)
            {
                w.WriteLine();
                WriteGroup(w, report.Groups[i], Paint, related);
            }

            w.WriteLine();
        }

        if (report.AuthFailures.Count > 0)
        {
            w.WriteLine(Paint(Bold, "Credential failures (expired or invalid tokens; not permission problems)"));
            foreach (AuthFailureGroup a in report.AuthFailures)
            {
                w.WriteLine($"  {a.Principal}  {a.ErrorCode}  {Plural(a.Count, "call")}, {Span(a.FirstSeen, a.LastSeen)}");
            }

            w.WriteLine();
        }

        foreach (string line in DeniedPolicyAccount.Lines(report.Policy))
        {
            w.WriteLine(Paint(Dim, line));
        }
    }

    /// <summary>The one-line summary: denied calls, groups, principals (and credential failures).</summary>
    public static string Summary(DeniedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string line = $"{Plural(report.DeniedCalls, "denied call")} in {Plural(report.Groups.Count, "group")}, {Plural(report.Principals, "principal")}";
        if (report.AuthFailuresIncluded)
        {
            return line + " (credential failures included)";
        }

        return report.AuthFailureCalls > 0 ? $"{line}; {Plural(report.AuthFailureCalls, "credential failure")} listed apart" : line;
    }

    /// <summary>What a reason means, in words.</summary>
    public static string Describe(DeniedReason reason) => reason switch
    {
        DeniedReason.NoIdentityAllow => "no identity-based policy allows the action",
        DeniedReason.ExplicitDenyIdentity => "an identity-based policy denies it explicitly",
        DeniedReason.NoBoundaryAllow => "the permissions boundary does not allow it",
        DeniedReason.ExplicitDenyBoundary => "the permissions boundary denies it explicitly",
        DeniedReason.NoSessionAllow => "the session policy does not allow it",
        DeniedReason.ExplicitDenySession => "a session policy denies it explicitly",
        DeniedReason.NoScpAllow => "no service control policy allows it",
        DeniedReason.ExplicitDenyScp => "a service control policy denies it",
        DeniedReason.NoRcpAllow => "no resource control policy allows it",
        DeniedReason.ExplicitDenyRcp => "a resource control policy denies it",
        DeniedReason.NoResourceAllow => "no resource-based policy allows it",
        DeniedReason.ExplicitDenyResource => "a resource-based policy (or bucket setting) denies it explicitly",
        DeniedReason.VpcEndpoint => "a VPC endpoint policy refused it",
        _ => "the message does not say which policy refused it",
    };

    private static void WriteGroup(TextWriter w, DeniedGroup g, Func<string, string, string> paint, bool related)
    {
        string action = (g.Action ?? "(action unknown)") + (g.ActionDerived ? " (from the event)" : string.Empty);
        string resource = (g.Resource ?? "(resource not named)") + (g.ResourceDerived ? " (from the event)" : string.Empty);
        w.WriteLine($"  {paint(Cyan, action)} on {resource}");
        Line(w, "count", $"{Plural(g.Count, "call")}, {Span(g.FirstSeen, g.LastSeen)}, {string.Join(", ", g.ErrorCodes)}");
        string reasonColor = g.Reason.ToWireName().StartsWith("explicit", StringComparison.Ordinal) ? Red : Yellow;
        Line(w, "reason", paint(reasonColor, g.Reason.ToWireName()) + ": " + Describe(g.Reason));
        if (g.CalledBy is not null)
        {
            Line(w, "called by", g.CalledBy);
        }

        Line(w, "fix", paint(Green, g.Suggestion.Text));
        foreach (string note in g.Suggestion.Notes)
        {
            w.WriteLine(Indent + note);
        }

        foreach (DeniedHint h in g.Hints)
        {
            Line(w, "hint", paint(Magenta, h.Text));
            if (related)
            {
                foreach (RelatedEvent e in h.Events)
                {
                    w.WriteLine($"{Indent}{Time(e.EventTime)}  {e.EventName,-14} {e.EventId}  ({e.Role})");
                }
            }
        }

        foreach (string note in g.Notes)
        {
            Line(w, "note", paint(Dim, note));
        }

        Line(w, "events", string.Join(", ", g.EventIds) + (g.Count > g.EventIds.Count ? ", …" : string.Empty));
    }

    private static void Line(TextWriter w, string label, string text) => w.WriteLine($"    {label,-10}{text}");

    private static string Span(DateTimeOffset? first, DateTimeOffset? last) =>
        first == last ? Time(first) : $"{Time(first)} .. {Time(last)}";

    private static string Time(DateTimeOffset? t) =>
        t?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "(no time)";

    private static string Plural(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
