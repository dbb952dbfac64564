using System.Diagnostics;
using TrailSift.Cli.Commands;

namespace TrailSift.Cli.Tests.CloudTrail;

/// <summary>
/// The wait before record's sentinels. A single sleep returned early once (a CI run recorded the sentinel as a call of
/// the command: its event second was the window's last); the wait must end only when the wall clock reads the time.
/// </summary>
public sealed class WallClockTests
{
    [Fact]
    public void Should_Not_Return_Before_The_Clock_Reads_The_Time_When_A_Sleep_Ends_Early()
    {
        // Given a wall clock running at half the speed of the sleeps
        var clock = new HalfSpeedClock();
        DateTimeOffset when = clock.GetUtcNow().AddMilliseconds(200);

        // When
        WallClock.SleepUntil(when, clock);

        // Then
        Assert.True(clock.GetUtcNow() >= when);
    }

    private sealed class HalfSpeedClock : TimeProvider
    {
        private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
        private readonly long _began = Stopwatch.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => _start + (Stopwatch.GetElapsedTime(_began) / 2);
    }
}
