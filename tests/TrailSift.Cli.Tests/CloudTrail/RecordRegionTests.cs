using System.Text.Json;
using TrailSift.Core.Aws;
using TrailSift.Testing.Aws;

namespace TrailSift.Cli.Tests.CloudTrail;

/// <summary>
/// <c>trailsift record</c> without <c>--region</c>: every region of the partition gets a sentinel and is watched, and the
/// regions COMMAND called are the ones its delivered events name; a region that refuses the credentials or the lookups
/// is reported, never silently left out.
/// </summary>
[Collection("record")]
public sealed class RecordRegionTests : IDisposable
{
    private readonly RecordFixture _f = new();

    [Fact]
    public void Should_Name_The_Regions_The_Command_Called_And_Confirm_Every_Other_When_No_Region_Is_Given()
    {
        // Given a disabled opt-in region, and a command calling S3 in eu-west-2 and STS (us-east-1)
        _f.Loopback.DisabledRegions["af-south-1"] = true;

        // When
        CliRunner.Result r = _f.Record(["--role", RecordFixture.Role, "--poll", "1s", "--deadline", "60s", "--out", _f.Recording,
            .. RecordFixture.Child("s3:ListBuckets@eu-west-2", "sts:GetCallerIdentity")]);

        // Then the recording holds the session's calls (the oracle: what the loopback saw signed with its key)
        Assert.True(r.ExitCode == 0, r.Stderr);
        LoopbackIdentity session = Assert.Single(_f.Sts.Sessions);
        List<LoopbackEvent> calls = _f.CallsOf(session.AccessKeyId);
        Assert.Equal(["eu-west-2", "us-east-1"], calls.Select(e => e.Region).Distinct().Order());
        Assert.Equal(calls.Select(e => e.EventId).Order(), RecordFixture.Ids(_f.Recording).Order());

        // And every region of the partition but the disabled one got a sentinel and was confirmed
        IReadOnlyList<string> partition = AwsRegions.InPartitionOf("us-east-1");
        Assert.True(partition.Count > 20, string.Join(",", partition));
        Assert.Equal(partition.Where(p => p != "af-south-1"),
            _f.Loopback.Calls.Where(c => c.Operation == "DescribeTrails").Select(c => c.Region).Order());
        Assert.Contains("COMMAND's calls were seen in eu-west-2, us-east-1", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("eu-west-2: complete", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("us-east-1: complete", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{partition.Count - 3} other regions complete (sentinel delivered), without calls of COMMAND", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("af-south-1: not watched: the region refused the credentials", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("UnrecognizedClientException", r.Stderr, StringComparison.Ordinal);

        // And the run line has a verdict for every region
        using var run = JsonDocument.Parse(File.ReadAllLines(_f.Recording + ".runs.ndjson").Single());
        Dictionary<string, string> states = run.RootElement.GetProperty("regions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(partition.Order(), states.Keys.Order());
        Assert.Equal("refused", states["af-south-1"]);
        Assert.All(states.Where(s => s.Key != "af-south-1"), s => Assert.Equal("complete", s.Value));
        Assert.Equal(["eu-west-2", "us-east-1"], run.RootElement.GetProperty("callRegions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Should_Report_A_Region_Incomplete_With_The_Reason_And_Exit_2_When_Its_Lookups_Are_Denied()
    {
        // Given a service control policy denying LookupEvents in ap-south-1
        _f.Trail.DeniedRegions.Add("ap-south-1");

        // When
        CliRunner.Result r = _f.Record(["--role", RecordFixture.Role, "--poll", "1s", "--deadline", "5s", "--out", _f.Recording,
            .. RecordFixture.Child("s3:ListBuckets")]);

        // Then the region is incomplete, with the answer, and the run says so
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ap-south-1: INCOMPLETE: the sentinel was not delivered by the deadline; calls made there may be missing; last lookup failed: AccessDeniedException",
            r.Stderr, StringComparison.Ordinal);
        Assert.Contains("COMMAND's calls were seen in us-east-1", r.Stderr, StringComparison.Ordinal);
        using var run = JsonDocument.Parse(File.ReadAllLines(_f.Recording + ".runs.ndjson").Single());
        Assert.Equal("incomplete", run.RootElement.GetProperty("regions").GetProperty("ap-south-1").GetString());
        Assert.Equal("complete", run.RootElement.GetProperty("regions").GetProperty("eu-west-1").GetString());
        Assert.Single(RecordFixture.Ids(_f.Recording));
    }

    public void Dispose() => _f.Dispose();
}
