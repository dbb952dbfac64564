using System.Text;
using System.Xml.Linq;
using TrailSift.Core.Aws;
using TrailSift.Testing.Aws;

namespace TrailSift.Core.Tests.Aws;

/// <summary>The thin client against the loopback endpoint, which checks every signature independently.</summary>
public sealed class AwsClientTests : IDisposable
{
    private readonly AwsLoopback _loopback = new();
    private readonly LoopbackIdentity _user = LoopbackIdentity.User("alice", "AKIALOOPBACKALICE001", "alice-secret");

    public AwsClientTests()
    {
        _loopback.Add(_user);
    }

    private AwsConnection Connection(LoopbackIdentity who, string? secret = null) => AwsConnection.Resolve(
        AwsSettings.FromVariables(new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = who.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = secret ?? who.SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = who.SessionToken ?? string.Empty,
            ["AWS_ENDPOINT_URL"] = _loopback.Endpoint,
            ["AWS_REGION"] = "eu-west-1",
        }) with { RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5) });

    [Fact]
    public async Task Should_Send_A_Signed_Json_Call_With_Its_Target_When_Calling_A_Json_Service()
    {
        // Given
        _loopback.On("cloudtrail", "DescribeTrails", call => LoopbackReply.Json("{\"trailList\":[{\"Name\":\"" + call.Region + "\"}]}"));
        using var client = new AwsClient(Connection(_user), AwsService.CloudTrail);

        // When
        byte[] answer = await client.JsonAsync("eu-west-1", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails", "{}"u8.ToArray());

        // Then the loopback verified the signature and saw the operation, region and service
        Assert.Equal("{\"trailList\":[{\"Name\":\"eu-west-1\"}]}", Encoding.UTF8.GetString(answer));
        LoopbackCall call = Assert.Single(_loopback.Calls);
        Assert.Equal(("cloudtrail", "eu-west-1", "DescribeTrails", AwsProtocol.Json), (call.Service, call.Region, call.Operation, call.Protocol));
        Assert.Empty(_loopback.Refused);
    }

    [Fact]
    public async Task Should_Sign_The_Session_Token_And_Read_The_Xml_When_Calling_A_Query_Service_With_Temporary_Keys()
    {
        // Given a role session issued by the loopback's STS
        var sts = new LoopbackSts(_loopback);
        using var caller = new AwsClient(Connection(_user), AwsService.Sts);
        XDocument assumed = await caller.QueryAsync("us-east-1", "AssumeRole", "2011-06-15",
            [new("RoleArn", "arn:aws:iam::123456789012:role/app"), new("RoleSessionName", "trailsift-test")]);
        XNamespace ns = "https://sts.amazonaws.com/doc/2011-06-15/";
        XElement credentials = assumed.Descendants(ns + "Credentials").Single();
        LoopbackIdentity session = Assert.Single(sts.Sessions);
        Assert.Equal(session.SessionToken, credentials.Element(ns + "SessionToken")!.Value);

        // When the session calls GetCallerIdentity
        using var client = new AwsClient(Connection(session), AwsService.Sts);
        XDocument who = await client.QueryAsync("us-east-1", "GetCallerIdentity", "2011-06-15", []);

        // Then
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/app/trailsift-test", who.Descendants(ns + "Arn").Single().Value);
        Assert.Empty(_loopback.Refused);
    }

    [Fact]
    public async Task Should_Fail_With_SignatureDoesNotMatch_When_The_Secret_Is_Wrong()
    {
        // Given
        using var client = new AwsClient(Connection(_user, secret: "not-the-secret"), AwsService.Sts);

        // When
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => client.QueryAsync("us-east-1", "GetCallerIdentity", "2011-06-15", []));

        // Then it is not retried
        Assert.Equal("SignatureDoesNotMatch", e.ErrorCode);
        Assert.Equal(1, client.Requests);
        Assert.Single(_loopback.Refused);
    }

    [Fact]
    public async Task Should_Back_Off_And_Retry_When_Throttled()
    {
        // Given an operation throttled twice
        int calls = 0;
        _loopback.On("cloudtrail", "DescribeTrails", call => Interlocked.Increment(ref calls) <= 2
            ? LoopbackReply.Error(AwsProtocol.Json, 400, "ThrottlingException", "Rate exceeded")
            : LoopbackReply.Json("{}"));
        using var client = new AwsClient(Connection(_user), AwsService.CloudTrail);

        // When
        byte[] answer = await client.JsonAsync("eu-west-1", "CloudTrail_20131101.DescribeTrails", "{}"u8.ToArray());

        // Then
        Assert.Equal("{}", Encoding.UTF8.GetString(answer));
        Assert.Equal((3L, 2L, 2L), (client.Requests, client.Retries, client.Throttled));
    }

    [Fact]
    public async Task Should_Report_The_Service_Error_After_The_Last_Attempt_When_Throttling_Persists()
    {
        _loopback.On("cloudtrail", "DescribeTrails", _ => LoopbackReply.Error(AwsProtocol.Json, 400, "com.amazonaws.cloudtrail#ThrottlingException", "Rate exceeded"));
        using var client = new AwsClient(Connection(_user), AwsService.CloudTrail);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => client.JsonAsync("eu-west-1", "CloudTrail_20131101.DescribeTrails", "{}"u8.ToArray()));
        Assert.Equal(("ThrottlingException", "Rate exceeded", true), (e.ErrorCode, e.Message, e.IsThrottling));
        Assert.Equal(6, client.Requests);
    }

    [Fact]
    public async Task Should_Not_Retry_When_The_Error_Is_The_Callers()
    {
        using var client = new AwsClient(Connection(_user), AwsService.Iam);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => client.QueryAsync("us-east-1", "ListUsers", "2010-05-08", []));
        Assert.Equal(("UnknownOperationException", 1L), (e.ErrorCode, client.Requests));
        Assert.Equal("us-east-1", Assert.Single(_loopback.Calls).Region);
    }

    [Fact]
    public async Task Should_Pace_Requests_Through_The_Regions_Bucket_When_One_Is_Given()
    {
        // Given a bucket of 20 per second with no burst beyond one
        _loopback.On("cloudtrail", "DescribeTrails", _ => LoopbackReply.Json("{}"));
        var bucket = new TokenBucket(20, 1);
        using var client = new AwsClient(Connection(_user), AwsService.CloudTrail, region => region == "eu-west-1" ? bucket : null);

        // When six calls are made
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 6; i++)
        {
            await client.JsonAsync("eu-west-1", "CloudTrail_20131101.DescribeTrails", "{}"u8.ToArray());
        }

        // Then they took at least the five intervals of 50 ms
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(240), watch.Elapsed.ToString());
    }

    public void Dispose() => _loopback.Dispose();
}
