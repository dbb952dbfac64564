using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Tests.Iam.Evaluation;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The verification replay keeps an allowed request as its fields (<see cref="KeptRequest"/>): rebuilt, it is decided as
/// the request it came from, and two requests are one kept request exactly when every field the replay reads is alike.
/// </summary>
public sealed class KeptRequestTests
{
    private const string Caller = "arn:aws:sts::123456789012:assumed-role/app/s1";
    private static readonly string[] Keys = ["aws:RequestedRegion", "aws:SourceIp", "aws:PrincipalTag/team"];

    private static readonly PolicySet Policies = new(identityPolicies: [Parse("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/*","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}},
          {"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}},
          {"Effect":"Allow","Action":"s3:DeleteObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}}]}
        """)]);

    private static PolicyDocument Parse(string json)
    {
        PolicyParseResult result = PolicyParser.Parse(json);
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        return result.Document!;
    }

    private static RequestContext Request(string action, string resource, string region, string? ip = "10.1.2.3", string? account = null,
        params string[] unknown) =>
        CatalogRequestFactory.Default.Create(action, resource, Caller,
            [new("aws:RequestedRegion", region), .. ip is null ? Array.Empty<KeyValuePair<string, ContextValue>>() : [new("aws:SourceIp", ip)],
                new("aws:CurrentTime", "2025-06-01T00:00:00Z")],
            unknown, principalAccount: account);

    public static TheoryData<string, string, string, string?, string[]> Requests => new()
    {
        { "s3:GetObject", "arn:aws:s3:::logs/a.json", "us-east-1", "10.1.2.3", [] },
        { "s3:GetObject", "arn:aws:s3:::logs/a.json", "eu-west-1", "10.1.2.3", [] },
        { "s3:PutObject", "arn:aws:s3:::logs/b.json", "us-east-1", "192.0.2.1", [] },
        { "s3:PutObject", "arn:aws:s3:::logs/b.json", "us-east-1", null, [] },
        { "s3:DeleteObject", "arn:aws:s3:::logs/c.json", "us-east-1", "10.1.2.3", ["aws:PrincipalTag/team"] },
        { "s3:ListAllMyBuckets", "*", "us-east-1", "10.1.2.3", [] },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Should_Be_Decided_As_The_Original_Request_When_Rebuilt(string action, string resource, string region, string? ip, string[] unknown)
    {
        // Given
        RequestContext original = Request(action, resource, region, ip, null, unknown);

        // When
        RequestContext rebuilt = KeptRequest.Of(original, Keys).Request();

        // Then: the same decision, decidability and allowing statements as the full request
        EvaluationAssert.SameAnswer(Policies, original, rebuilt);
        Assert.Equal((original.Action, original.Resource, original.ResourceAccount, original.PrincipalAccount, original.ResourceMatch),
            (rebuilt.Action, rebuilt.Resource, rebuilt.ResourceAccount, rebuilt.PrincipalAccount, rebuilt.ResourceMatch));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Should_Build_The_Same_Request_As_A_Copy_With_The_Resource_When_Given_The_Resource(string action, string resource, string region,
        string? ip, string[] unknown)
    {
        // Given: the kept request without its resource (as the allowed requests share it), and the copy with it (the oracle)
        KeptRequest shape = KeptRequest.Of(Request(action, resource, region, ip, null, unknown), Keys).WithResource(string.Empty);
        RequestContext expected = shape.WithResource(resource).Request();

        // When
        RequestContext actual = shape.Request(resource);

        // Then: every field the evaluator reads, and its answer
        Assert.Equal((expected.Action, expected.Resource, expected.Principal, expected.ResourceAccount, expected.PrincipalAccount, expected.ResourceMatch,
                expected.IsWildcardOnlyAction),
            (actual.Action, actual.Resource, actual.Principal, actual.ResourceAccount, actual.PrincipalAccount, actual.ResourceMatch, actual.IsWildcardOnlyAction));
        Assert.Equal(KeptRequest.Of(expected, Keys), KeptRequest.Of(actual, Keys));
        EvaluationAssert.SameAnswer(Policies, expected, actual);
    }

    [Fact]
    public void Should_Be_One_Kept_Request_When_Requests_Differ_Only_In_Keys_No_Policy_Reads()
    {
        // Given: the time differs, no policy key reads it
        RequestContext first = Request("s3:GetObject", "arn:aws:s3:::logs/a.json", "us-east-1");
        RequestContext second = CatalogRequestFactory.Default.Create("s3:GetObject", "arn:aws:s3:::logs/a.json", Caller,
            [new("aws:RequestedRegion", "us-east-1"), new("aws:SourceIp", "10.1.2.3"), new("aws:CurrentTime", "2025-07-01T00:00:00Z")]);

        // When
        KeptRequest a = KeptRequest.Of(first, Keys), b = KeptRequest.Of(second, Keys);

        // Then
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Should_Be_Distinct_Kept_Requests_When_A_Field_The_Replay_Reads_Differs()
    {
        // Given: each request differs from the base in one field the replay reads
        KeptRequest kept = KeptRequest.Of(Request("s3:GetObject", "arn:aws:s3:::logs/a.json", "us-east-1"), Keys);
        RequestContext[] others =
        [
            Request("s3:PutObject", "arn:aws:s3:::logs/a.json", "us-east-1"),
            Request("s3:GetObject", "arn:aws:s3:::logs/b.json", "us-east-1"),
            Request("s3:GetObject", "arn:aws:s3:::logs/a.json", "eu-west-1"),
            Request("s3:GetObject", "arn:aws:s3:::logs/a.json", "us-east-1", ip: null),
            Request("s3:GetObject", "arn:aws:s3:::logs/a.json", "us-east-1", ip: "10.1.2.4"),
            Request("s3:GetObject", "arn:aws:s3:::logs/a.json", "us-east-1", account: "210987654321"),
            Request("s3:GetObject", "arn:aws:s3:::logs/a.json", "us-east-1", "10.1.2.3", null, "aws:PrincipalTag/team"),
        ];

        // When / Then: none is the same kept request
        Assert.All(others, other => Assert.NotEqual(kept, KeptRequest.Of(other, Keys)));
    }
}
