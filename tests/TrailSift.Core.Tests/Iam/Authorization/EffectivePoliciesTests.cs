using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Tests.Iam.Authorization;

public sealed class EffectivePoliciesTests
{
    private static EffectivePolicies Alice()
    {
        AuthorizationDetails details = AuthorizationFixtures.TwoPages();
        Assert.True(details.TryFindPrincipal(AuthorizationFixtures.AliceArn, out IamEntity? alice));
        return details.Resolve(alice);
    }

    private static Decision Decide(EffectivePolicies policies, string action, string resource) =>
        PolicyEvaluator.Evaluate(policies.ToPolicySet(),
            CatalogRequestFactory.Default.Create(action, resource, policies.Principal.Arn), includeTrace: false).Decision;

    [Fact]
    public void Should_List_Own_Then_Group_Policies_When_Principal_Is_A_User()
    {
        // Given / When
        EffectivePolicies alice = Alice();

        // Then
        Assert.Equal(
            ["inline alice-inline", "managed arn:aws:iam::111122223333:policy/dynamo-access (v2)", "group devs: inline devs-logs"],
            alice.Identity.Select(p => p.Label));
        Assert.Equal("boundary arn:aws:iam::111122223333:policy/dev-boundary (v1)", alice.Boundary!.Label);
    }

    [Fact]
    public void Should_Report_Unknown_Not_Empty_When_Aws_Managed_Policy_Is_Absent()
    {
        // Given / When
        EffectivePolicies alice = Alice();

        // Then
        Assert.False(alice.IsComplete);
        Assert.Equal(["arn:aws:iam::aws:policy/ReadOnlyAccess (attached to group devs): not in the input"], alice.Unknown.ToArray());
    }

    [Theory]
    [InlineData("s3:GetObject", "arn:aws:s3:::alice-bucket/k", Decision.Allowed)]          // inline, inside the boundary
    [InlineData("ec2:DescribeInstances", "*", Decision.Allowed)]                          // inline ec2:*, boundary ec2:Describe*
    [InlineData("ec2:TerminateInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Decision.ImplicitlyDenied)] // outside the boundary
    [InlineData("logs:GetLogEvents", "*", Decision.Allowed)]                              // group inline (URL-encoded)
    [InlineData("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111122223333:table/t", Decision.ImplicitlyDenied)] // managed v2, but the boundary has no dynamodb
    public void Should_Bound_Identity_Policies_By_Boundary_When_Evaluated(string action, string resource, Decision expected)
    {
        Assert.Equal(expected, Decide(Alice(), action, resource));
    }

    [Fact]
    public void Should_Use_Default_Version_Only_When_Evaluated()
    {
        // Given: app role with the dynamo policy's versions; alice's boundary stops dynamodb, so check the identity part alone
        EffectivePolicies alice = Alice();
        var identityOnly = new PolicySet(identityPolicies: alice.Identity.Select(p => p.Document));

        // When / Then: v2 allows Query, v3 (not default) would allow PutItem
        Assert.Equal(Decision.Allowed, Evaluate(identityOnly, "dynamodb:Query"));
        Assert.Equal(Decision.ImplicitlyDenied, Evaluate(identityOnly, "dynamodb:PutItem"));
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/service/app", true)]
    [InlineData("arn:aws:iam::111122223333:role/app", true)]      // CloudTrail shows sessions without the role's path
    [InlineData("app", true)]
    [InlineData("arn:aws:iam::999999999999:role/app", false)]
    [InlineData("arn:aws:iam::111122223333:group/devs", false)]  // groups are not principals
    public void Should_Find_Principal_When_Named_By_Arn_Or_Name(string wanted, bool found)
    {
        Assert.Equal(found, AuthorizationFixtures.TwoPages().TryFindPrincipal(wanted, out _));
    }

    private static Decision Evaluate(PolicySet set, string action) =>
        PolicyEvaluator.Evaluate(set, CatalogRequestFactory.Default.Create(action,
            "arn:aws:dynamodb:us-east-1:111122223333:table/t", AuthorizationFixtures.AliceArn), includeTrace: false).Decision;
}
