using System.Collections.Immutable;
using System.Globalization;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

// From drafts to statements: per current statement, actions sharing kind and resources become one statement.
public static partial class ReducedPolicyBuilder
{
    private static List<ReducedStatement> Layout(EffectivePolicies policies, DraftTable drafts)
    {
        var result = new List<ReducedStatement>();
        var sids = new HashSet<string>(StringComparer.Ordinal);
        StatementRef? last = null;
        Statement current = null!;
        string origin = string.Empty;
        foreach (DraftGroup group in drafts.Groups())
        {
            if (group.Ref != last)
            {
                last = group.Ref;
                current = StatementOf(policies, group.Ref);
                origin = Origin(policies, group.Ref, current);
            }

            string[] actions = [.. group.Actions];
            Statement statement = group.KeepResources
                ? current with { Action = List(actions), NotAction = null }
                : current with { Action = List(actions), NotAction = null, Resource = List(group.First.ResourceArray()), NotResource = null };
            string suffix = group.Kind switch
            {
                ReducedStatementKind.NotVisible => "NotVisible",
                ReducedStatementKind.NoData => "NoData",
                ReducedStatementKind.AccessAdvisor => "AccessAdvisor",
                _ => string.Empty,
            };
            statement = statement with { Sid = UniqueSid(PolicyGenerator.SidFor(actions[0]) + suffix, sids) };
            result.Add(new ReducedStatement(statement, group.Kind, origin));
        }

        for (int p = 0; p < policies.Identity.Length; p++)
        {
            ImmutableArray<Statement> statements = policies.Identity[p].Document.Statements;
            for (int s = 0; s < statements.Length; s++)
            {
                if (statements[s].Effect == Effect.Deny)
                {
                    Statement deny = statements[s] with { Sid = UniqueSid(statements[s].Sid ?? "Deny", sids) };
                    result.Add(new ReducedStatement(deny, ReducedStatementKind.Deny, Origin(policies, new StatementRef(p, s), statements[s])));
                }
            }
        }

        return result;
    }

    private static PolicyValueList List(string[] values) =>
        values.Length == 1 ? PolicyValueList.Single(values[0]) : PolicyValueList.Array(values);

    private static string Origin(EffectivePolicies policies, StatementRef reference, Statement current) =>
        string.Create(CultureInfo.InvariantCulture, $"{policies.Identity[reference.Policy].Label}, statement {reference.Statement}")
        + (current.Sid is null ? string.Empty : " (" + current.Sid + ")");

    private static string UniqueSid(string wanted, HashSet<string> taken)
    {
        string sid = new([.. wanted.Where(char.IsAsciiLetterOrDigit)]);
        sid = sid.Length == 0 ? "Stmt" : sid;
        string candidate = sid;
        for (int n = 2; !taken.Add(candidate); n++)
        {
            candidate = sid + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static ImmutableArray<string> Notes(EffectivePolicies policies, ObservedUsage observed, List<ReducedStatement> statements, int size, int maxSize)
    {
        var notes = new List<string>();
        if (!policies.IsComplete)
        {
            notes.Add("Some current policies are not in the authorization details (" + string.Join("; ", policies.Unknown)
                + "): calls they allow are not in this policy, and grants they hold are not judged.");
        }

        if (policies.Boundary is not null)
        {
            notes.Add("The permissions boundary stays as it is; the replay used it.");
        }

        if (!observed.Unmapped.IsEmpty)
        {
            notes.Add("Calls with no known permission mapping cannot be in this policy: " + string.Join(", ", observed.Unmapped.Keys) + ".");
        }

        int kept = statements.Count(static s => s.Kind is ReducedStatementKind.NotVisible or ReducedStatementKind.NoData or ReducedStatementKind.AccessAdvisor);
        if (kept > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{kept} statement(s) keep grants the trail cannot judge (Sid ending NotVisible, NoData or AccessAdvisor): review them by hand."));
        }

        if (size > maxSize)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The document is {size} characters without whitespace, over the {maxSize} a managed policy may hold: split it."));
        }

        return [.. notes];
    }
}
