using System.Text.Json.Nodes;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Testing;
using static TrailSift.Core.Tests.Analysis.Replay.ReplayFixtures;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>The implied <c>iam:PassRole</c> of a call, as <c>check</c> evaluates it.</summary>
public sealed class PassRoleReplayTests
{
    // Shaped like AmazonEMRFullAccessPolicy_v2: the instance role may be passed only to EC2.
    private const string EmrDeployer = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["elasticmapreduce:RunJobFlow","elasticmapreduce:AddTags"],"Resource":"*"},
          {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/EMR_DefaultRole_Restricted",
           "Condition":{"StringLike":{"iam:PassedToService":"elasticmapreduce.amazonaws.com*"}}},
          {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole",
           "Condition":{"StringLike":{"iam:PassedToService":"ec2.amazonaws.com*"}}}]}
        """;

    [Fact]
    public void Should_Pass_The_Instance_Profile_Role_To_Ec2_When_Emr_Launches_A_Cluster()
    {
        // Given: RunJobFlow hands EMR the service role and the instance profile its EC2 instances will use
        EventBuilder runJobFlow = new EventBuilder("elasticmapreduce.amazonaws.com", "RunJobFlow").AsRole("ci-emr-deployer")
            .At("2025-06-03T09:40:00Z")
            .With("requestParameters", JsonNode.Parse("""{"name":"c","serviceRole":"EMR_DefaultRole_Restricted","jobFlowRole":"EMR_EC2_DefaultRole"}"""));

        // When
        CallCheck check = CheckOne(EmrDeployer, runJobFlow);

        // Then: the profile's role cannot be known, but under the same-name assumption EC2 is the service it is passed to
        Assert.Equal(CallVerdict.Undecidable, check.Verdict);
        Assert.EndsWith("if the profile holds role arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole (same name, no path, as usual), allowed",
            check.Reason, StringComparison.Ordinal);
    }
}
