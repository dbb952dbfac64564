namespace TrailSift.Cli.Commands;

/// <summary>Waiting for a wall-clock time (CloudTrail event times are wall-clock seconds).</summary>
internal static class WallClock
{
    /// <summary>Returns once <paramref name="time"/> reads <paramref name="when"/> or later.</summary>
    /// <remarks>
    /// One <see cref="Thread.Sleep(TimeSpan)"/> is not enough: it truncates to whole milliseconds and its clock is not the
    /// wall clock, so it may return a little early — and a sentinel sent then could land in the command's last second.
    /// </remarks>
    public static void SleepUntil(DateTimeOffset when, TimeProvider time)
    {
        for (TimeSpan wait = when - time.GetUtcNow(); wait > TimeSpan.Zero; wait = when - time.GetUtcNow())
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)));
        }
    }
}
