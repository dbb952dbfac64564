using TrailSift.Core.Aws;
using TrailSift.Core.Sources.Remote.CloudTrail;
using TrailSift.Testing.Aws;

namespace TrailSift.Core.Tests.Sources.Remote.CloudTrail;

/// <summary>LookupEvents pacing against the loopback CloudTrail: the 2 requests per second quota is per account and region.</summary>
public sealed class CloudTrailLookupTests : IDisposable
{
    // A region no other test of this process looks up, so the process-wide buckets start full.
    private const string Region = "ap-northeast-3";
    private readonly AwsLoopback _loopback = new();
    private readonly LoopbackTrail _trail;
    private readonly LoopbackIdentity _alice = LoopbackIdentity.User("alice", "AKIALOOPBACKALICE001", "alice-secret");
    private readonly LoopbackIdentity _bob = LoopbackIdentity.User("bob", "AKIALOOPBACKBOB00001", "bob-secret");

    public CloudTrailLookupTests()
    {
        _ = new LoopbackSts(_loopback);
        _trail = new LoopbackTrail(_loopback) { PageSize = 1 };
        _loopback.Add(_alice);
        _loopback.Add(_bob);
    }

    private AwsConnection Connection(LoopbackIdentity who) => AwsConnection.Resolve(AwsSettings.FromVariables(_loopback.Environment(who, Path.GetTempPath())));

    [Fact]
    public async Task Should_Share_One_Pace_Between_Two_Keys_When_They_Belong_To_The_Same_Account()
    {
        // Given three events (three pages each), and two users of the same account
        DateTimeOffset now = DateTimeOffset.UtcNow;
        for (int i = 0; i < 3; i++)
        {
            _trail.Add(Region, now.AddMinutes(-10).AddSeconds(i), _alice, "ec2.amazonaws.com", "DescribeInstances", readOnly: true);
        }

        using var byAlice = new CloudTrailLookup(Connection(_alice));
        using var byBob = new CloudTrailLookup(Connection(_bob));
        var request = new LookupRequest(Region, now.AddHours(-1), now.AddSeconds(-2), null); // (the lookups are events too)

        // When both page through at the same time
        async Task<int> Count(CloudTrailLookup lookup)
        {
            int events = 0;
            await foreach (LookupPage page in lookup.PagesAsync(request))
            {
                events += page.Events.Count;
            }

            return events;
        }

        DateTimeOffset started = DateTimeOffset.UtcNow;
        int[] counts = await Task.WhenAll(Count(byAlice), Count(byBob));

        // Then both learnt the account from STS, and their six requests together kept to 2 per second: the sixth can
        // arrive no earlier than five gaps of 0.5 s after the start, 0.1 s for jitter. A loaded machine only delays
        // arrivals, so this lower bound holds however late any of them is (a spread between two arrivals did not: a
        // late second arrival shortened it). Paced per key, the two streams would interleave at twice the rate
        // (the sixth after about 1 s).
        Assert.Equal([3, 3], counts);
        Assert.Equal((LoopbackIdentity.Account, LoopbackIdentity.Account), (byAlice.Account, byBob.Account));
        var times = _trail.Lookups.Select(l => l.Time).Order().ToList();
        Assert.Equal(6, times.Count);
        TimeSpan last = times[^1] - started;
        Assert.True(last >= TimeSpan.FromSeconds(2.4), last.ToString());
    }

    [Fact]
    public async Task Should_Pace_Per_Key_When_Sts_Cannot_Say_The_Account()
    {
        // Given an endpoint without STS: the key stands for its account
        using var loopback = new AwsLoopback();
        var trail = new LoopbackTrail(loopback);
        LoopbackIdentity carol = loopback.Add(LoopbackIdentity.User("carol", "AKIALOOPBACKCAROL001", "carol-secret"));
        var connection = AwsConnection.Resolve(AwsSettings.FromVariables(loopback.Environment(carol, Path.GetTempPath())) with { MaxAttempts = 1 });
        using var lookup = new CloudTrailLookup(connection);

        // When
        await lookup.PageAsync(new LookupRequest("ap-southeast-4", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, null), null);

        // Then
        Assert.Equal("key:" + carol.AccessKeyId, lookup.Account);
        Assert.Single(trail.Lookups);
    }

    public void Dispose() => _loopback.Dispose();
}
