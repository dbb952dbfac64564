using System.Collections.Immutable;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The grant analyzer reads a principal's uses of an action in place (<see cref="UsesByAction"/>) and takes a used
/// grant's resources as they come when sorted (<see cref="GrantAnalyzer.ResourcesOf"/>); the oracles are the
/// case-insensitive lookups and the distinct-then-sort they replace.
/// </summary>
public sealed class UsesByActionTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Should_Find_The_Uses_And_Refused_Calls_The_Lookups_Found_When_Actions_Differ_In_Case(int seed, bool sorted)
    {
        // Given: uses of actions spelled in several cases, allowed, undecidable or refused, by various statements
        string[] actions = ["s3:GetObject", "S3:GetObject", "s3:getobject", "s3:GetObjectAcl", "ec2:RunInstances", "iam:PassRole"];
        string[] resources = ["*", "arn:aws:s3:::b", "arn:aws:s3:::b/a", "arn:aws:s3:::B/a", "arn:aws:s3:::b/é", "arn:aws:s3:::c"];
        StatementRef[] references = [new(0, 0), new(0, 1), new(1, 0)];
        Decision[] decisions = [Decision.Allowed, Decision.ImplicitlyDenied, Decision.ExplicitlyDenied];
        var random = new Random(seed);
        PermissionUse[] uses = [.. actions.SelectMany(a => resources.Where(_ => random.Next(3) > 0).Select(r => new PermissionUse
        {
            Action = a,
            Resource = r,
            Decision = decisions[random.Next(decisions.Length)],
            Undecidable = random.Next(5) == 0,
            Calls = random.Next(1, 9),
            AllowedBy = [.. references.Where(_ => random.Next(2) == 0)],
        }))];
        if (sorted)
        {
            Array.Sort(uses, static (x, y) =>
            {
                int c = string.CompareOrdinal(x.Action, y.Action);
                return c != 0 ? c : string.CompareOrdinal(x.Resource, y.Resource);
            });
        }
        else
        {
            random.Shuffle(uses);
        }

        var byAction = uses.Where(static u => u.Decision == Decision.Allowed || u.Undecidable).ToLookup(static u => u.Action, StringComparer.OrdinalIgnoreCase);
        var refused = uses.Where(static u => u.Decision != Decision.Allowed && !u.Undecidable).ToLookup(static u => u.Action, StringComparer.OrdinalIgnoreCase);

        // When
        var table = new UsesByAction(ImmutableArray.Create(uses));

        // Then: the same uses in the same order, the same refused calls, the same resources
        foreach (string action in actions.Append("sqs:SendMessage"))
        {
            foreach (StatementRef reference in references)
            {
                PermissionUse[] expected = [.. byAction[action].Where(u => u.AllowedBy.Contains(reference))];
                PermissionUse[] actual = table.AllowedBy(action, reference);
                Assert.Equal(expected, actual);
                Assert.Equal(refused[action].Where(u => u.AllowedBy.Contains(reference)).Sum(static u => u.Calls), table.RefusedCallsOf(action, reference));
                Assert.Equal([.. actual.Select(static u => u.Resource).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    GrantAnalyzer.ResourcesOf(actual).ToArray());
            }
        }
    }
}
