namespace TrailSift.Core.Aws;

/// <summary>
/// The retry schedule of a call: exponential backoff with full jitter (as the SDKs' standard mode), from
/// <see cref="AwsSettings.RetryDelay"/> doubling up to <see cref="AwsSettings.MaxRetryDelay"/>, at most
/// <see cref="AwsSettings.MaxAttempts"/> attempts.
/// </summary>
public static class AwsRetry
{
    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempts count from 1), given a uniform random draw in [0, 1).</summary>
    public static TimeSpan Delay(AwsSettings settings, int attempt, double random)
    {
        double ceiling = Math.Min(settings.MaxRetryDelay.TotalMilliseconds, settings.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds(Math.Max(1, ceiling * random));
    }
}
