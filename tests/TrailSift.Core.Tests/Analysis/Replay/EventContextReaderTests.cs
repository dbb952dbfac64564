using System.Text.Json.Nodes;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Testing;
using static TrailSift.Core.Tests.Analysis.Replay.ReplayFixtures;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>Caller, session, network and time keys of docs/check.md's table: value, known absent, or unknown.</summary>
public sealed class EventContextReaderTests
{
    internal static string? Value(ReplayContext context, string key) =>
        context.Values.TryGetValue(key, out var value) ? value.ToString() : null;

    internal static void AssertAbsent(ReplayContext context, string key)
    {
        Assert.True(context.IsKnown(key), key + " should be known");
        Assert.Null(Value(context, key));
    }

    internal static void AssertUnknown(ReplayContext context, string key) => Assert.False(context.IsKnown(key), key + " should be unknown");

    private static EventBuilder WithIdentity(string userIdentity) => new EventBuilder().With("userIdentity", JsonNode.Parse(userIdentity));

    [Fact]
    public void Should_Read_The_User_Keys_When_The_Caller_Is_An_IAM_User()
    {
        // Given / When
        ReplayContext c = Context(new EventBuilder());

        // Then
        Assert.Equal(("arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:user/alice"), (c.Principal, c.PrincipalKey));
        Assert.Equal("arn:aws:iam::123456789012:user/alice", Value(c, "aws:PrincipalArn"));
        Assert.Equal(("123456789012", "AIDAEXAMPLE", "User", "alice"),
            (Value(c, "aws:PrincipalAccount"), Value(c, "aws:userid"), Value(c, "aws:PrincipalType"), Value(c, "aws:username")));
    }

    [Fact]
    public void Should_Name_The_Role_As_PrincipalArn_When_A_Session_Shows_Its_Issuer()
    {
        // Given / When
        ReplayContext c = Context(new EventBuilder().AsRole("app", "s1"));

        // Then
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/app/s1", c.Principal);
        Assert.Equal("arn:aws:iam::123456789012:role/app", c.PrincipalKey);
        Assert.Equal(("arn:aws:iam::123456789012:role/app", "AssumedRole"), (Value(c, "aws:PrincipalArn"), Value(c, "aws:PrincipalType")));
        AssertAbsent(c, "aws:username");
    }

    [Fact]
    public void Should_Leave_PrincipalArn_Unknown_When_A_Session_Does_Not_Show_Its_Issuer()
    {
        // Given: aws:PrincipalArn is the role's ARN with its path, which the session ARN does not show
        ReplayContext c = Context(WithIdentity("""
            {"type":"AssumedRole","principalId":"AROAX:s1","arn":"arn:aws:sts::123456789012:assumed-role/app/s1","accountId":"123456789012","accessKeyId":"ASIAX"}
            """));

        // Then
        AssertUnknown(c, "aws:PrincipalArn");
        Assert.Equal("arn:aws:iam::123456789012:role/app", c.PrincipalKey);
        Assert.Equal("AssumedRole", Value(c, "aws:PrincipalType"));
    }

    [Fact]
    public void Should_Read_Account_Type_And_No_Username_When_The_Caller_Is_Root()
    {
        // Given / When
        ReplayContext c = Context(WithIdentity("""
            {"type":"Root","principalId":"123456789012","arn":"arn:aws:iam::123456789012:root","accountId":"123456789012","accessKeyId":"AKIAROOT"}
            """));

        // Then
        Assert.Equal(("arn:aws:iam::123456789012:root", "Account"), (c.Principal, Value(c, "aws:PrincipalType")));
        AssertAbsent(c, "aws:username");
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    public void Should_Read_Mfa_And_Token_Issue_Time_From_The_Session_Attributes(string mfa, string expected)
    {
        // Given
        EventBuilder e = new EventBuilder().AsRole("app");
        JsonObject identity = JsonNode.Parse(e.Json())!["userIdentity"]!.AsObject().DeepClone().AsObject();
        identity["sessionContext"]!["attributes"]!["mfaAuthenticated"] = mfa;

        // When
        ReplayContext c = Context(e.With("userIdentity", identity));

        // Then: without MFA there is no MFA age either; with it, the age is not logged
        Assert.Equal(expected, Value(c, "aws:MultiFactorAuthPresent"));
        Assert.Equal("2024-05-01T09:00:00Z", Value(c, "aws:TokenIssueTime"));
        if (mfa == "false")
        {
            AssertAbsent(c, "aws:MultiFactorAuthAge");
        }
        else
        {
            AssertUnknown(c, "aws:MultiFactorAuthAge");
        }

        AssertAbsent(c, "aws:SourceIdentity");
    }

    [Fact]
    public void Should_Mark_Mfa_And_Token_Keys_Absent_When_A_User_Calls_With_A_Long_Term_Key()
    {
        // Given / When
        ReplayContext c = Context(WithIdentity("""
            {"type":"IAMUser","principalId":"AIDAX","arn":"arn:aws:iam::123456789012:user/ci","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"ci"}
            """));

        // Then
        foreach (string key in (string[])["aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:TokenIssueTime", "aws:SourceIdentity"])
        {
            AssertAbsent(c, key);
        }
    }

    [Fact]
    public void Should_Leave_Mfa_Unknown_When_A_Temporary_Key_Comes_Without_Session_Context()
    {
        // Given: an ASIA key is temporary; AWS sets aws:MultiFactorAuthPresent for it, but this event does not show it
        ReplayContext c = Context(WithIdentity("""
            {"type":"IAMUser","principalId":"AIDAX","arn":"arn:aws:iam::123456789012:user/ci","accountId":"123456789012","accessKeyId":"ASIAIOSFODNN7EXAMPLE","userName":"ci"}
            """));

        // Then
        AssertUnknown(c, "aws:MultiFactorAuthPresent");
        AssertUnknown(c, "aws:TokenIssueTime");
    }

    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("2001:db8::1")]
    public void Should_Set_SourceIp_And_Mark_Vpc_Keys_Absent_When_The_Source_Is_An_Address(string address)
    {
        // Given / When
        ReplayContext c = Context(new EventBuilder().With("sourceIPAddress", address));

        // Then
        Assert.Equal(address, Value(c, "aws:SourceIp"));
        AssertAbsent(c, "aws:SourceVpce");
        AssertAbsent(c, "aws:SourceVpc");
        AssertAbsent(c, "aws:VpcSourceIp");
    }

    [Fact]
    public void Should_Leave_SourceIp_Unknown_When_The_Source_Is_A_Service_Name()
    {
        // Given / When
        ReplayContext c = Context(new EventBuilder().With("sourceIPAddress", "elasticmapreduce.amazonaws.com"));

        // Then
        AssertUnknown(c, "aws:SourceIp");
    }

    [Fact]
    public void Should_Set_SourceVpce_And_Mark_SourceIp_Absent_When_The_Call_Came_Through_An_Endpoint()
    {
        // Given / When
        ReplayContext c = Context(new EventBuilder().With("vpcEndpointId", "vpce-1a2b3c4d"));

        // Then: through an endpoint AWS sets aws:VpcSourceIp, not aws:SourceIp; the VPC id is not logged
        Assert.Equal("vpce-1a2b3c4d", Value(c, "aws:SourceVpce"));
        AssertAbsent(c, "aws:SourceIp");
        AssertUnknown(c, "aws:SourceVpc");
    }

    [Fact]
    public void Should_Set_SecureTransport_Only_When_Tls_Details_Are_Logged()
    {
        // Given / When
        ReplayContext tls = Context(new EventBuilder().With("tlsDetails", JsonNode.Parse("""{"tlsVersion":"TLSv1.3"}""")));
        ReplayContext old = Context(new EventBuilder());

        // Then
        Assert.Equal("true", Value(tls, "aws:SecureTransport"));
        AssertUnknown(old, "aws:SecureTransport");
    }

    [Fact]
    public void Should_Set_ViaAWSService_And_CalledVia_From_InvokedBy()
    {
        // Given
        EventBuilder e = new EventBuilder().AsRole(EmrRole);
        JsonObject identity = JsonNode.Parse(e.Json())!["userIdentity"]!.AsObject().DeepClone().AsObject();
        identity["invokedBy"] = "elasticmapreduce.amazonaws.com";

        // When
        ReplayContext via = Context(e.With("userIdentity", identity));
        ReplayContext direct = Context(new EventBuilder());

        // Then
        Assert.Equal(("true", "[elasticmapreduce.amazonaws.com]"), (Value(via, "aws:ViaAWSService"), Value(via, "aws:CalledVia")));
        Assert.True(via.Values["aws:CalledVia"].IsMultiValued);
        Assert.Equal(("elasticmapreduce.amazonaws.com", "elasticmapreduce.amazonaws.com"), (Value(via, "aws:CalledViaFirst"), Value(via, "aws:CalledViaLast")));
        Assert.Equal("false", Value(direct, "aws:ViaAWSService"));
        AssertAbsent(direct, "aws:CalledVia");
        AssertAbsent(direct, "aws:CalledViaFirst");
    }

    [Fact]
    public void Should_Read_Region_UserAgent_And_Time_Keys()
    {
        // Given / When
        ReplayContext c = Context(new EventBuilder().At("2025-06-03T15:20:28Z").With("awsRegion", "eu-west-1"));

        // Then
        Assert.Equal(("eu-west-1", "aws-cli/2.15.0"), (Value(c, "aws:RequestedRegion"), Value(c, "aws:UserAgent")));
        Assert.Equal(("2025-06-03T15:20:28Z", "1748964028"), (Value(c, "aws:CurrentTime"), Value(c, "aws:EpochTime")));
        Assert.Equal(new DateTime(2025, 6, 3, 15, 20, 28, DateTimeKind.Utc).Ticks, c.Ticks);
    }

    [Fact]
    public void Should_Leave_Principal_And_Organisation_Keys_Unknown()
    {
        // Given / When
        ReplayContext c = Context(new EventBuilder().AsRole("app"));

        // Then
        AssertUnknown(c, "aws:PrincipalTag/team");
        AssertUnknown(c, "aws:PrincipalOrgID");
        AssertUnknown(c, "aws:ResourceOrgID");
    }
}
