using System.Globalization;
using TrailSift.Core.Analysis.Denied;
using TrailSift.Core.Analysis.Denied.Messages;

namespace TrailSift.Core.Output.Denied;

/// <summary>
/// Writes <c>denied --summary</c> (one table per principal: service, reason, calls, groups, actions, fixes) and
/// <c>--top N</c> (the N fix groups with the most calls, one fix for several resources of one action), then the
/// <c>--policy</c> account.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class DeniedRollupPrinter
{
    /// <summary>Writes the roll-up table (when <paramref name="summary"/>), the top <paramref name="top"/> fix groups (when given), and the policy account.</summary>
    public static void Write(TextWriter w, DeniedReport report, bool summary, int? top)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        w = TerminalTextWriter.Guard(w, color: false);
        if (summary)
        {
            WriteSummary(w, report);
        }

        if (top is int n)
        {
            WriteTop(w, report, n);
        }

        foreach (string line in DeniedPolicyAccount.Lines(report.Policy))
        {
            w.WriteLine(line);
        }
    }

    private static void WriteSummary(TextWriter w, DeniedReport report)
    {
        IReadOnlyList<DeniedServiceRow> rows = DeniedRollup.ByServiceAndReason(report.Groups);
        int service = Math.Max("service".Length, rows.Count == 0 ? 0 : rows.Max(static r => TerminalText.DisplayWidth(r.Service)));
        int reason = Math.Max("reason".Length, rows.Count == 0 ? 0 : rows.Max(static r => r.Reason.ToWireName().Length));
        string? principal = null;
        foreach (DeniedServiceRow r in rows)
        {
            if (r.Principal != principal)
            {
                if (principal is not null)
                {
                    w.WriteLine();
                }

                principal = r.Principal;
                w.WriteLine(principal);
                w.WriteLine($"  {"service".PadRight(service)}  {"reason".PadRight(reason)}  {"calls",7}  {"groups",6}  {"actions",7}  {"fixes",5}");
            }

            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {TerminalText.PadRight(r.Service, service)}  {r.Reason.ToWireName().PadRight(reason)}  {r.Calls,7}  {r.Groups,6}  {r.Actions,7}  {r.Fixes,5}"));
        }

        w.WriteLine();
    }

    private static void WriteTop(TextWriter w, DeniedReport report, int n)
    {
        IReadOnlyList<DeniedFixGroup> fixes = DeniedRollup.FixGroups(report.Groups);
        w.WriteLine($"Top {Math.Min(n, fixes.Count)} of {fixes.Count} fixes by denied calls");
        foreach (DeniedFixGroup f in fixes.Take(n))
        {
            string resources = f.Resources.Count == 1 ? f.Resources[0] : $"{f.Resources.Count} resources: {string.Join(", ", f.Resources)}";
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Calls,7}  {f.Principal}  {f.Action ?? "(action unknown)"} on {resources}"));
            w.WriteLine($"         {f.Reason.ToWireName()}: {f.Fix.Text}");
        }

        if (fixes.Count > n)
        {
            w.WriteLine($"         … {fixes.Count - n} more (drop --top to see every group)");
        }

        w.WriteLine();
    }
}
