using TrailSift.Core.Aws;

namespace TrailSift.Core.Tests.Aws;

public sealed class TokenBucketTests
{
    [Fact]
    public void Should_Spend_The_Burst_Then_Space_Requests_By_The_Rate_When_Called_Faster()
    {
        // Given 2 tokens per second, burst 2, a clock that does not move
        var clock = new ManualClock();
        var bucket = new TokenBucket(2, 2, clock);

        // When five requests come at once
        TimeSpan[] waits = [.. Enumerable.Range(0, 5).Select(_ => bucket.Reserve())];

        // Then the first two go now and the others wait 0.5 s more each
        Assert.Equal([0, 0, 500, 1000, 1500], waits.Select(w => (int)Math.Round(w.TotalMilliseconds)));
    }

    [Fact]
    public void Should_Refill_Up_To_The_Burst_When_Time_Passes()
    {
        var clock = new ManualClock();
        var bucket = new TokenBucket(2, 2, clock);
        _ = bucket.Reserve();
        _ = bucket.Reserve();
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(500, (int)Math.Round(bucket.Reserve().TotalMilliseconds));
    }

    [Fact]
    public void Should_Grow_The_Backoff_Ceiling_Exponentially_Up_To_The_Maximum_When_Attempts_Fail()
    {
        var settings = new AwsSettings { RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(1) };
        Assert.Equal([100, 200, 400, 800, 1000, 1000], Enumerable.Range(1, 6).Select(a => (int)Math.Round(AwsRetry.Delay(settings, a, 0.9999999).TotalMilliseconds)));
        Assert.Equal(1, (int)AwsRetry.Delay(settings, 3, 0).TotalMilliseconds);
    }
}
