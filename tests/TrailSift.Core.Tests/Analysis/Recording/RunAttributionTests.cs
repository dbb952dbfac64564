using TrailSift.Core.Analysis.Recording;
using TrailSift.Core.Events;

namespace TrailSift.Core.Tests.Analysis.Recording;

public sealed class RunAttributionTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 5, 0, 0, 400, TimeSpan.Zero);

    private static readonly RecordedRun RoleRun = new()
    {
        Start = Start,
        End = Start.AddSeconds(10),
        AlsoUntil = Start.AddSeconds(15),
        AccessKeyId = "ASIARUN",
        SessionName = "trailsift-abc",
        SourceIdentity = "ci-build-42",
        Also = ["EMR_DefaultRole", "arn:aws:iam::123456789012:user/deployer"],
    };

    private static string Event(int second, string identity) =>
        $$"""{"eventTime":"{{Start.AddSeconds(second).UtcDateTime:yyyy-MM-ddTHH:mm:ss}}Z","eventName":"X","userIdentity":{{identity}}}""";

    private static string Session(string key, string role, string session, string? source = null)
    {
        string sourceField = source is null ? string.Empty : $",\"sourceIdentity\":\"{source}\"";
        return "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::123456789012:assumed-role/" + role + "/" + session + "\",\"accessKeyId\":\"" + key
            + "\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::123456789012:role/" + role + "\",\"userName\":\"" + role + "\"}"
            + sourceField + "}}";
    }

    [Theory]
    [InlineData(0, "ASIARUN", "app", "trailsift-abc", null, "own")]       // the session's key
    [InlineData(5, "ASIAOTHER", "app", "trailsift-abc", null, "own")]     // its session name (a refreshed key)
    [InlineData(5, "ASIACHAIN", "next", "chained", "ci-build-42", "own")] // a chained session with its source identity
    [InlineData(5, "ASIAOTHER", "app", "other-session", null, null)]      // another session of the same role
    [InlineData(11, "ASIARUN", "app", "trailsift-abc", null, "own")]      // the end second and one more (rounding)
    [InlineData(12, "ASIARUN", "app", "trailsift-abc", null, null)]       // the sentinel's second
    [InlineData(-1, "ASIARUN", "app", "trailsift-abc", null, null)]       // before the start second
    [InlineData(14, "ASIAEMR", "EMR_DefaultRole", "emr-1", null, "also")] // --also by role name, after the command ended
    [InlineData(16, "ASIAEMR", "EMR_DefaultRole", "emr-1", null, null)]   // --also after the sentinels
    public void Should_Attribute_By_Key_Session_Source_Identity_And_Also_Within_The_Windows_When_A_Role_Session_Ran(
        int second, string key, string role, string session, string? source, string? expected)
    {
        using EventRecord e = EventRecord.Parse(Event(second, Session(key, role, session, source)));
        Assert.Equal(expected, new RunAttribution(RoleRun).Why(e));
    }

    [Fact]
    public void Should_Attribute_The_Callers_Calls_In_The_Window_When_No_Role_Was_Assumed()
    {
        RecordedRun run = RoleRun with { AccessKeyId = null, SessionName = null, SourceIdentity = null, CallerArn = "arn:aws:iam::123456789012:user/alice", Also = [] };
        using EventRecord mine = EventRecord.Parse(Event(3, """{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accessKeyId":"AKIAALICE"}"""));
        using EventRecord bob = EventRecord.Parse(Event(3, """{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/bob","accessKeyId":"AKIABOB"}"""));
        using EventRecord later = EventRecord.Parse(Event(30, """{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accessKeyId":"AKIAALICE"}"""));
        var attribution = new RunAttribution(run);
        Assert.Equal(("own", null, null), (attribution.Why(mine), attribution.Why(bob), attribution.Why(later)));
    }

    [Fact]
    public void Should_Match_An_Also_Principal_By_Arn_When_Given_An_Arn()
    {
        using EventRecord e = EventRecord.Parse(Event(2, """{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/deployer","accessKeyId":"AKIADEP"}"""));
        Assert.Equal("also", new RunAttribution(RoleRun).Why(e));
    }
}
