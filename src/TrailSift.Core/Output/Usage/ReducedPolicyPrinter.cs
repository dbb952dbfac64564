using System.Globalization;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Output.Policy;

namespace TrailSift.Core.Output.Usage;

/// <summary>
/// Writes each principal's reduced policy as Terraform (<c>aws_iam_policy_document</c>, named after the user or role)
/// or CloudFormation YAML (one YAML document per principal), through the <c>policy</c> command's writers. Each policy
/// is preceded by a comment naming the principal and its replay; a policy that failed its replay is not written (only
/// the comment saying so), as it would break calls the principal makes today.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class ReducedPolicyPrinter
{
    /// <summary>Writes the reduced policies of every principal of the report.</summary>
    public static void Write(UsageReport report, PolicyFormat format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        int i = -1;
        foreach (PrincipalUsage principal in report.Principals)
        {
            i++;
            ReducedPolicy reduced = principal.Reduced;
            ReplayVerification v = reduced.Verification;
            if (format == PolicyFormat.CloudFormation)
            {
                writer.Write("---\n");
            }
            else if (i > 0)
            {
                writer.Write('\n');
            }

            writer.Write($"# {Comment(principal.Policies.Principal.Arn)}: reduced policy by trailsift unused\n");
            if (!v.Passed)
            {
                writer.Write(Invariant($"# NOT WRITTEN: its replay failed ({v.Requests - v.StillAllowed} of {v.Requests} allowed requests would be denied)\n"));
                continue;
            }

            writer.Write(Invariant($"# replay: all {v.Requests} allowed requests are still allowed\n"));
            foreach (ReducedStatement statement in reduced.Statements.Where(static s => s.Kind is not (ReducedStatementKind.Observed or ReducedStatementKind.Deny)))
            {
                writer.Write($"# {Comment(statement.Statement.Sid ?? string.Empty)}: kept unchanged ({Why(statement.Kind)})\n");
            }

            foreach (string note in reduced.Notes)
            {
                writer.Write($"# note: {Comment(note)}\n");
            }

            if (format == PolicyFormat.CloudFormation)
            {
                CloudFormationPolicyWriter.Write([reduced.Document], writer);
                continue;
            }

            string label = TerraformPolicyWriter.Identifier(PolicyDirectoryWriter.ShortName(principal.Policies.Principal.Arn) + "_reduced");
            string unique = label;
            for (int n = 2; !labels.Add(unique); n++)
            {
                unique = Invariant($"{label}_{n}");
            }

            TerraformPolicyWriter.Write([reduced.Document], unique, writer);
        }
    }

    private static string Why(ReducedStatementKind kind) => kind switch
    {
        ReducedStatementKind.NotVisible => "CloudTrail cannot show it",
        ReducedStatementKind.AccessAdvisor => "Access Advisor saw it attempted",
        _ => "the input does not cover it",
    };

    // One comment line: no line breaks or other control characters, no bidirectional or other format characters (which
    // would make an editor show the line in another order than it is read).
    private static string Comment(string text) =>
        new([.. text.Select(static c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? ' ' : c)]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
