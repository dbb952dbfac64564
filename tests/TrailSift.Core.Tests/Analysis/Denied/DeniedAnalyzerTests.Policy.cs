using TrailSift.Core.Analysis.Denied;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Iam.Policy.Lint;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Denied;

// denied --policy: the policy generator's output for the grantable denials, and the account of the rest.
public sealed partial class DeniedAnalyzerTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_Report_Enumeration_And_Grant_Nothing_When_One_Principal_Is_Denied_On_Many_Services_Within_An_Hour()
    {
        // Given 30 services x 3 read-only calls, two seconds apart
        List<string> events = DeniedTrail.ReadOnlyProbes(30, 3, TimeSpan.FromSeconds(2));

        // When
        DeniedPolicyPlan plan = Analyze(events).Policy;

        // Then
        EnumerationFinding e = Assert.Single(plan.Enumerations);
        Assert.Equal(DeniedTrail.User, e.Principal);
        Assert.Equal(30, e.Services);
        Assert.Equal(90, e.Actions);
        Assert.Equal(30, e.ServicesInWindow);
        Assert.False(plan.HasGrants);
        Assert.Equal(90, plan.DeniedCalls);
        Assert.Equal(90, plan.EnumerationCalls);
    }

    [Fact]
    public void Should_Merge_And_Split_To_Lint_Clean_Documents_When_The_Same_Denials_Are_Spread_Over_Days()
    {
        // Given the same calls an hour apart (a workload's gaps, not enumeration)
        List<string> events = DeniedTrail.ReadOnlyProbes(30, 3, TimeSpan.FromHours(1));

        // When
        DeniedPolicyPlan plan = Analyze(events).Policy;
        GeneratedPolicy policy = plan.Generate(new PolicyGenerationOptions { MaxSize = 2048 });

        // Then every call is granted, in fewer statements than actions, in documents within the limit that lint accepts
        Assert.Empty(plan.Enumerations);
        Assert.Equal(90, plan.GrantableCalls);
        Assert.Equal(90, policy.Statements.Sum(static s => s.Actions.Length));
        Assert.True(policy.Statements.Length < 90, $"{policy.Statements.Length} statements");
        Assert.True(policy.IsSplit);
        Assert.All(policy.Sizes, static size => Assert.True(size <= 2048, $"{size}"));
        foreach (PolicyDocument document in policy.Documents)
        {
            PolicyParseResult parsed = PolicyParser.Parse(PolicyWriter.WriteToString(document));
            Assert.Empty(parsed.Diagnostics);
            Assert.Empty(PolicyLinter.Default.Lint(parsed.Document!));
        }
    }

    [Fact]
    public void Should_Report_Unknown_Actions_And_Prose_Resources_Instead_Of_Granting_Them()
    {
        // Given a message naming an action the catalog does not know, one naming the resource in prose, and one good denial
        string[] events =
        [
            DeniedTrail.Denied("widgets.amazonaws.com", "SpinWidget",
                $"User: {DeniedTrail.User} is not authorized to perform: widgets:SpinWidget on resource: arn:aws:widgets:us-east-1:123456789012:widget/w1 "
                + "because no identity-based policy allows the widgets:SpinWidget action", T0),
            DeniedTrail.Denied("iam.amazonaws.com", "ListAccessKeys",
                $"User: {DeniedTrail.User} is not authorized to perform: iam:ListAccessKeys on resource: user bob "
                + "because no identity-based policy allows the iam:ListAccessKeys action", T0.AddHours(1), """{"userName": "bob"}"""),
            DeniedTrail.Denied("sqs.amazonaws.com", "ListQueues",
                $"User: {DeniedTrail.User} is not authorized to perform: sqs:ListQueues because no identity-based policy allows the sqs:ListQueues action", T0.AddHours(2)),
        ];

        // When
        DeniedPolicyPlan plan = Analyze(events).Policy;
        GeneratedPolicy policy = plan.Generate(new PolicyGenerationOptions());

        // Then only catalog actions on ARNs are granted (bob's ARN from the event, not the message's prose); the rest is accounted for with the reason
        string json = string.Join("\n", policy.Documents.Select(static d => PolicyWriter.WriteToString(d)));
        Assert.DoesNotContain("widgets:", json, StringComparison.Ordinal);
        Assert.DoesNotContain("user bob", json, StringComparison.Ordinal);
        Assert.Contains("sqs:ListQueues", json, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::123456789012:user/bob", json, StringComparison.Ordinal);
        DeniedPolicyGap unknown = Assert.Single(plan.Unresolvable, static g => g.Reason == "action not in the IAM catalog (read from the message; not granted)");
        Assert.Equal(["widgets:SpinWidget"], unknown.Examples);
        Assert.Equal(plan.DeniedCalls, plan.GrantableCalls + plan.OtherPolicyCalls + plan.UnresolvableCalls + plan.EnumerationCalls);
    }
}
