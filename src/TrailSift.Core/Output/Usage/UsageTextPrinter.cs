using System.Globalization;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output.Usage;

/// <summary>
/// Prints a <see cref="UsageReport"/> for people: per principal its policies and the input's coverage, a marked list
/// of every granted action per statement (<c>+</c> used, <c>-</c> unused, <c>?</c> not visible, <c>~</c> no data; the
/// CloudTracker style), the calls the current policies would not allow, then the reduced policy and its replay.
/// Computes nothing. Control characters from logs are replaced by spaces.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class UsageTextPrinter
{
    /// <summary>Writes the report.</summary>
    public static void Print(UsageReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        TextWriter raw = output;
        output = TerminalTextWriter.Guard(output, color: false);
        InputCoverage coverage = report.Coverage;
        output.WriteLine(Invariant($"input: {coverage.Events} events, {UsageWords.Time(coverage.FirstTicks)} to {UsageWords.Time(coverage.LastTicks)}"));
        foreach ((string account, var regions) in coverage.Regions)
        {
            output.WriteLine($"  account {account}: {string.Join(", ", regions)}");
        }

        output.WriteLine(coverage.DataEvents.IsEmpty
            ? "  data events: none (data-plane actions are not visible)"
            : "  data events: " + string.Join(", ", coverage.DataEvents.Select(static p => Invariant($"{p.Key} {p.Value}"))));
        foreach (string problem in report.Diagnostics)
        {
            output.WriteLine("warning: " + Safe(problem));
        }

        if (ReferenceEquals(raw, output))
        {
            // Already guarded by the caller: guarded text must not go through the guard twice.
            foreach (PrincipalUsage principal in report.Principals)
            {
                output.WriteLine();
                PrintPrincipal(principal, output);
            }

            return;
        }

        // Each principal is rendered (and guarded) on its own, several at once; the blocks are written in order.
        string newLine = raw.NewLine;
        foreach (string block in report.Render((principal, _) => Block(principal, newLine)))
        {
            raw.WriteLine();
            raw.Write(block);
        }
    }

    private static string Block(PrincipalUsage principal, string newLine)
    {
        using var block = new StringWriter(CultureInfo.InvariantCulture) { NewLine = newLine };
        PrintPrincipal(principal, TerminalTextWriter.Guard(block, color: false));
        return block.ToString();
    }

    private static void PrintPrincipal(PrincipalUsage principal, TextWriter output)
    {
        EffectivePolicies policies = principal.Policies;
        output.WriteLine("principal " + policies.Principal.Arn);
        foreach (GrantedPolicy policy in policies.Identity)
        {
            output.WriteLine("  policy " + policy.Label);
        }

        if (policies.Boundary is not null)
        {
            output.WriteLine("  " + policies.Boundary.Label);
        }

        foreach (string unknown in policies.Unknown)
        {
            output.WriteLine("  unknown " + unknown);
        }

        if (principal.AccessAdvisorSource is not null)
        {
            output.WriteLine("  access advisor " + principal.AccessAdvisorSource + " " + UsageWords.AccessAdvisorLimits);
        }

        var counts = principal.Counts;
        output.WriteLine(Invariant($"  {principal.Calls} calls replayed; granted actions: {counts[0]} used, {counts[1]} unused, {counts[2]} not visible, {counts[3]} no data"));
        foreach (var statement in principal.Grants.GroupBy(static g => (g.PolicyIndex, g.StatementIndex)))
        {
            GrantUsage first = statement.First();
            string sid = first.Sid is null ? string.Empty : " (" + first.Sid + ")";
            string conditions = first.HasConditions ? ", with conditions" : string.Empty;
            output.WriteLine(Invariant($"  {first.Policy}, statement {first.StatementIndex}{sid}{conditions}"));
            foreach (GrantUsage grant in statement)
            {
                output.WriteLine($"    {UsageWords.Marker(grant.Verdict)} {grant.Action,-40} {Safe(UsageWords.Detail(grant))}");
            }
        }

        if (!principal.NotAllowedNow.IsEmpty)
        {
            output.WriteLine("  calls the current policies do not allow:");
            foreach (PermissionUse use in principal.NotAllowedNow)
            {
                string decision = use.Undecidable ? "undecidable" : use.Decision.ToString();
                output.WriteLine(Invariant($"    ! {use.Action} on {Safe(use.Resource)}: {use.Calls} call(s), {decision}"));
            }
        }

        foreach ((string name, long n) in principal.Unmapped)
        {
            output.WriteLine(Invariant($"  unmapped: {Safe(name)} ({n} call(s)): not judged"));
        }

        PrintReduced(principal.Reduced, output);
    }

    private static void PrintReduced(ReducedPolicy reduced, TextWriter output)
    {
        output.WriteLine("  reduced policy:");
        foreach (string line in PolicyWriter.WriteToString(reduced.Document).Split('\n'))
        {
            output.WriteLine("    " + Safe(line.TrimEnd('\r')));
        }

        foreach (ReducedStatement statement in reduced.Statements.Where(static s => s.Kind != ReducedStatementKind.Observed))
        {
            output.WriteLine($"  {statement.Statement.Sid}: {UsageWords.Kind(statement.Kind)}, from {statement.Origin}");
        }

        ReplayVerification v = reduced.Verification;
        output.WriteLine(v.Passed
            ? Invariant($"  replay: all {v.Requests} allowed requests are still allowed")
            : Invariant($"  replay: FAILED: {v.Requests - v.StillAllowed} of {v.Requests} allowed requests are no longer allowed"));
        foreach (string lost in v.Lost)
        {
            output.WriteLine("    lost " + Safe(lost));
        }

        output.WriteLine(Invariant($"  size: {reduced.Size} characters without whitespace"));
        foreach (string note in reduced.Notes)
        {
            output.WriteLine("  note: " + Safe(note));
        }
    }

    private static string Safe(string text) => text.Any(char.IsControl)
        ? new string([.. text.Select(static c => char.IsControl(c) ? ' ' : c)])
        : text;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
