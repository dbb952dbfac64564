using System.Text.Json;
using TrailSift.Testing;
using TrailSift.Testing.Aws;

namespace TrailSift.Cli.Tests.CloudTrail;

/// <summary>The <c>cloudtrail:</c> source against the loopback CloudTrail (LookupEvents over JSON 1.1, signatures checked).</summary>
public sealed class LookupSourceTests : IDisposable
{
    private readonly AwsLoopback _loopback = new();
    private readonly LoopbackTrail _trail;
    private readonly TempTree _home = new();
    private readonly LoopbackIdentity _reader = LoopbackIdentity.User("auditor", "AKIALOOPBACKAUDIT001", "auditor-secret");
    private readonly LoopbackIdentity _alice = LoopbackIdentity.User("alice", "AKIALOOPBACKALICE001", "alice-secret");
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public LookupSourceTests()
    {
        // Delivered after a minute: the events of the lookups themselves stay out of the answers.
        _trail = new LoopbackTrail(_loopback) { Delay = TimeSpan.FromMinutes(1) };
        _loopback.Add(_reader);
    }

    private CliRunner.Result Run(params string[] args) => AwsCliRunner.Run(_loopback, _reader, _home.Root, args);

    private List<string> AddEvents(string region, int count, string name = "DescribeInstances", int minutesAgo = 30)
    {
        var ids = new List<string>();
        for (int i = 0; i < count; i++)
        {
            ids.Add(_trail.Add(region, _now.AddMinutes(-minutesAgo).AddSeconds(i), _alice, "ec2.amazonaws.com", name, readOnly: true).EventId);
        }

        return ids;
    }

    private static List<string> Ids(string ndjson) =>
        [.. ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventID").GetString()!)];

    [Fact]
    public void Should_Give_Each_Regions_Events_Oldest_First_When_Reading_The_Event_History()
    {
        // Given events in two regions, and one in a third that is not asked for
        List<string> east = AddEvents("us-east-1", 3);
        List<string> west = AddEvents("eu-west-1", 2);
        AddEvents("ap-south-1", 1);

        // When
        CliRunner.Result r = Run("query", "cloudtrail:", "--region", "us-east-1", "--region", "eu-west-1", "--since", "2h");

        // Then regions in name order, each oldest first (the API answered newest first)
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([.. west, .. east], Ids(r.Stdout));
        Assert.Contains("management events only", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("90 days", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(_loopback.Refused);
    }

    [Fact]
    public void Should_Replay_The_Token_With_The_Same_Parameters_When_The_History_Has_Several_Pages()
    {
        // Given 7 events served 2 per page
        _trail.PageSize = 2;
        List<string> ids = AddEvents("eu-west-1", 7);

        // When
        CliRunner.Result r = Run("query", "cloudtrail:", "--region", "eu-west-1", "--since", "2h");

        // Then all arrive in order, in 4 requests whose bodies differ only by the token (the loopback refuses a token otherwise)
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(ids, Ids(r.Stdout));
        Assert.Equal(4, _trail.Lookups.Count);
        List<string> withoutToken = [.. _trail.Lookups.Select(l => WithoutToken(l.Body))];
        Assert.Single(withoutToken.Distinct());
        Assert.Equal(3, _trail.Lookups.Count(l => l.Body.Contains("NextToken", StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_Back_Off_And_Keep_Every_Event_When_The_Api_Throttles()
    {
        // Given every other request throttled
        _trail.PageSize = 2;
        List<string> ids = AddEvents("eu-west-1", 5);
        _trail.Throttle = n => n % 2 == 1;

        // When
        CliRunner.Result r = Run("query", "cloudtrail:", "--region", "eu-west-1", "--since", "2h");

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(ids, Ids(r.Stdout));
        Assert.Equal(3, _trail.Lookups.Count(l => l.Throttled));
        Assert.Equal(3, _trail.Lookups.Count(l => !l.Throttled));
    }

    [Fact]
    public void Should_Keep_To_Two_Requests_A_Second_When_Paging()
    {
        // Given 6 pages
        _trail.PageSize = 1;
        AddEvents("eu-west-1", 6);

        // When
        CliRunner.Result r = Run("count", "cloudtrail:", "--region", "eu-west-1", "--since", "2h");

        // Then the requests are paced at one per 0.5 s. The loopback sees arrival times, and the first request's
        // arrival also carries the connection set-up (seen at 0.5 s in a loaded CI run), so the pacing is measured
        // from the second request on: sent four gaps of 0.5 s apart. A request's arrival has also been seen 0.5 s late
        // under a loaded test run (1.499 s over the four gaps), so 1.2 s is asked: unpaced, they take milliseconds.
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(6, _trail.Lookups.Count);
        TimeSpan spread = _trail.Lookups[^1].Time - _trail.Lookups[1].Time;
        Assert.True(spread >= TimeSpan.FromSeconds(1.2), spread.ToString());
    }

    [Fact]
    public void Should_Send_One_Event_Name_Server_Side_And_Filter_The_Rest_Locally_When_The_Command_Selects_Both()
    {
        // Given
        List<string> runs = AddEvents("eu-west-1", 2, "RunInstances");
        AddEvents("eu-west-1", 2, "DescribeInstances");

        // When the event is a shortcut and the filter asks for the second RunInstances only
        CliRunner.Result r = Run("query", $".eventID == \"{runs[1]}\"", "cloudtrail:", "--region", "eu-west-1", "--event", "RunInstances", "--since", "2h");

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([runs[1]], Ids(r.Stdout));
        using var body = JsonDocument.Parse(Assert.Single(_trail.Lookups).Body);
        JsonElement attribute = Assert.Single(body.RootElement.GetProperty("LookupAttributes").EnumerateArray());
        Assert.Equal(("EventName", "RunInstances"), (attribute.GetProperty("AttributeKey").GetString(), attribute.GetProperty("AttributeValue").GetString()));
    }

    [Fact]
    public void Should_State_The_90_Day_Limit_When_The_Window_Reaches_Further()
    {
        CliRunner.Result r = Run("count", "cloudtrail:", "--region", "eu-west-1");
        Assert.Contains("last 90 days only", r.Stderr, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(Assert.Single(_trail.Lookups).Body);
        double days = (body.RootElement.GetProperty("EndTime").GetDouble() - body.RootElement.GetProperty("StartTime").GetDouble()) / 86400;
        Assert.InRange(days, 89.99, 90.01);
    }

    [Fact]
    public void Should_Report_The_Region_And_Exit_2_When_The_Api_Refuses()
    {
        // Given a key the endpoint does not know
        CliRunner.Result r = AwsCliRunner.Run(_loopback, LoopbackIdentity.User("mallory", "AKIALOOPBACKUNKNOWN1", "x"), _home.Root,
            ["count", "cloudtrail:", "--region", "eu-west-1", "--since", "1h"]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("trailsift: cloudtrail:eu-west-1: LookupEvents failed after 0 events: InvalidClientTokenId", r.Stderr, StringComparison.Ordinal);
    }

    private static string WithoutToken(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return JsonSerializer.Serialize(doc.RootElement.EnumerateObject().Where(p => p.Name != "NextToken").ToDictionary(p => p.Name, p => p.Value));
    }

    public void Dispose()
    {
        _loopback.Dispose();
        _home.Dispose();
    }
}
