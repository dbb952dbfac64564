using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Tests.Iam.Evaluation;

/// <summary>
/// A request moved to another resource (<see cref="RequestContext.WithResource"/>, which shares the context instead of
/// copying it) is the request the constructor builds with that resource, when the resource account is given.
/// </summary>
public sealed class RequestContextWithResourceTests
{
    private const string Caller = "arn:aws:sts::123456789012:assumed-role/app/s1";

    private static readonly PolicySet Policies = new(identityPolicies: [Parse("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/2025/*","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}},
          {"Effect":"Allow","Action":["s3:PutObject","s3:ListAllMyBuckets"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"123456789012"}}},
          {"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::logs/secret/*","Condition":{"StringLike":{"aws:PrincipalTag/team":"x*"}}}]}
        """)]);

    public static TheoryData<string, string, string, bool, bool> Requests => new()
    {
        // action, first resource, second resource, wildcard-only action, derive global keys
        { "s3:GetObject", "arn:aws:s3:::logs/2024/a.json", "arn:aws:s3:::logs/2025/b.json", false, false },
        { "s3:GetObject", "arn:aws:s3:::logs/2025/b.json", "arn:aws:s3:::logs/secret/c", false, true },
        { "s3:PutObject", "arn:aws:s3:::other/x", "arn:aws:s3:::logs/2025/*", false, false },
        { "s3:ListAllMyBuckets", "*", "arn:aws:s3:::logs", true, true },
    };

    private static PolicyDocument Parse(string json)
    {
        PolicyParseResult result = PolicyParser.Parse(json);
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        return result.Document!;
    }

    private static RequestContext Request(string action, string resource, string? resourceAccount, bool wildcardOnly, bool derive) =>
        new(action, resource, Caller, [new("aws:RequestedRegion", "us-east-1"), new("aws:SourceIp", ContextValue.Multi(["10.0.0.1", "10.0.0.2"]))],
            ["aws:PrincipalTag/*", "s3:prefix"], resourceAccount, principalAccount: null, wildcardOnly, derive, ResourceMatchMode.Every);

    [Theory]
    [MemberData(nameof(Requests))]
    public void Should_Be_The_Constructors_Request_When_Moved_To_Another_Resource(string action, string first, string second, bool wildcardOnly,
        bool derive)
    {
        // Given: a request with its resource account given, and the oracle: the constructor with the other resource
        RequestContext original = Request(action, first, "123456789012", wildcardOnly, derive);
        RequestContext expected = Request(action, second, "123456789012", wildcardOnly, derive);

        // When
        RequestContext? moved = original.WithResource(second);

        // Then: every field, the context, the unknown keys and the evaluator's answer
        Assert.NotNull(moved);
        Assert.Equal(
            (expected.Action, expected.Resource, expected.Principal, expected.PrincipalAccount, expected.ResourceAccount, expected.IsWildcardOnlyAction,
                expected.ResourceMatch, expected.ResourceIsPattern, expected.ActionIsPattern, expected.IsSameAccount, expected.PrincipalInfo.Kind),
            (moved.Action, moved.Resource, moved.Principal, moved.PrincipalAccount, moved.ResourceAccount, moved.IsWildcardOnlyAction,
                moved.ResourceMatch, moved.ResourceIsPattern, moved.ActionIsPattern, moved.IsSameAccount, moved.PrincipalInfo.Kind));
        Assert.Equal(expected.Context.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => (p.Key, string.Join(",", p.Value.Values))),
            moved.Context.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => (p.Key, string.Join(",", p.Value.Values))));
        Assert.Equal(expected.UnknownKeys.Order(StringComparer.Ordinal), moved.UnknownKeys.Order(StringComparer.Ordinal));
        Assert.Equal(expected.IsUnknown("aws:PrincipalTag/team"), moved.IsUnknown("aws:PrincipalTag/team"));
        EvaluationAssert.SameAnswer(Policies, expected, moved);
    }

    [Fact]
    public void Should_Not_Move_When_The_Resource_Account_Comes_From_The_Resource()
    {
        // Given: no resource account given: it is read from the resource ARN
        RequestContext original = Request("s3:GetObject", "arn:aws:s3:us-east-1:111111111111:accesspoint/a", null, false, true);

        // When
        RequestContext? moved = original.WithResource("arn:aws:s3:us-east-1:222222222222:accesspoint/b");

        // Then
        Assert.Null(moved);
    }
}
