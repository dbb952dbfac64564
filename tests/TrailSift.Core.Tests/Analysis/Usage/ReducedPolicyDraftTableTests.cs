using TrailSift.Core.Analysis.Usage;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The reduced policy's drafts are hashed and ordered once (<see cref="ReducedPolicyBuilder.DraftTable"/>); the oracle is
/// the sorted dictionary and LINQ grouping it replaces.
/// </summary>
public sealed class ReducedPolicyDraftTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_Group_And_Order_As_The_Sorted_Dictionary_Did_When_Drafts_Mix_Kinds_Resources_And_Kept_Grants(int seed)
    {
        // Given: drafts made in random order, some with resources (a few with line feeds), some kept, of every kind
        string[] actions = ["s3:GetObject", "s3:getobject", "S3:GetObject", "s3:GetObjectAcl", "ec2:RunInstances", "iam:PassRole", "sqs:SendMessage"];
        string[] resources = ["*", "arn:aws:s3:::b", "arn:aws:s3:::b/a", "arn:aws:s3:::b/a\narn:aws:s3:::c", "arn:aws:s3:::c", "arn:aws:s3:::é"];
        ReducedStatementKind[] kinds = [ReducedStatementKind.Observed, ReducedStatementKind.NotVisible, ReducedStatementKind.NoData, ReducedStatementKind.AccessAdvisor];
        var random = new Random(seed);
        var table = new ReducedPolicyBuilder.DraftTable();
        var oracle = new SortedDictionary<(StatementRef Ref, string Action), (ReducedStatementKind Kind, SortedSet<string> Resources, bool[] Keep)>(
            Comparer<(StatementRef Ref, string Action)>.Create(static (x, y) =>
            {
                int c = x.Ref.Policy.CompareTo(y.Ref.Policy);
                c = c != 0 ? c : x.Ref.Statement.CompareTo(y.Ref.Statement);
                return c != 0 ? c : string.CompareOrdinal(x.Action, y.Action);
            }));
        for (int i = 0; i < 400; i++)
        {
            var reference = new StatementRef(random.Next(3), random.Next(4));
            string action = actions[random.Next(actions.Length)];
            ReducedStatementKind kind = kinds[random.Next(kinds.Length)];
            ReducedPolicyBuilder.Draft draft = table.For(reference, action, kind);
            if (!oracle.TryGetValue((reference, action), out var expected))
            {
                oracle.Add((reference, action), expected = (kind, new SortedSet<string>(StringComparer.Ordinal), [false]));
            }

            switch (random.Next(3))
            {
                case 0:
                    string resource = resources[random.Next(resources.Length)];
                    draft.Resources.Add(resource);
                    expected.Resources.Add(resource);
                    break;
                case 1:
                    draft.KeepResources = true;
                    expected.Keep[0] = true;
                    break;
            }
        }

        // When
        List<ReducedPolicyBuilder.DraftGroup> groups = table.Groups();

        // Then: the same statements, in the same order, as the old grouping made
        var old = oracle.GroupBy(static d => d.Key.Ref).SelectMany(static byStatement => byStatement
            .GroupBy(static d => (d.Value.Kind, Keep: d.Value.Keep[0], Key: string.Join('\n', d.Value.Resources)))
            .OrderBy(static g => g.Key.Kind).ThenBy(static g => g.First().Key.Action, StringComparer.Ordinal)
            .Select(g => (byStatement.Key, g.Key.Kind, g.Key.Keep, Actions: string.Join(",", g.Select(static d => d.Key.Action)),
                Resources: string.Join(",", g.First().Value.Resources)))).ToList();
        var now = groups.Select(static g => (g.Ref, g.Kind, g.KeepResources, Actions: string.Join(",", g.Actions),
            Resources: string.Join(",", g.First.ResourceArray()))).ToList();
        Assert.Equal(oracle.Count, table.Count);
        Assert.Equal(old, now);
    }
}
