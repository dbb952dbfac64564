namespace TrailSift.Core.Aws;

/// <summary>
/// A token bucket: <see cref="Rate"/> tokens per second, at most <see cref="Burst"/> saved; <see cref="WaitAsync"/> takes
/// one, waiting (on the given <see cref="TimeProvider"/>) until one is there. Used to stay under an API's documented
/// request rate (CloudTrail LookupEvents: 2 per second per account and region).
/// </summary>
/// <remarks>Thread-safe; waiters are served in the order they reserved.</remarks>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last;

    /// <summary>Creates a full bucket.</summary>
    public TokenBucket(double rate, int burst, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        Rate = rate;
        Burst = burst;
        _time = time ?? TimeProvider.System;
        _tokens = burst;
        _last = _time.GetTimestamp();
    }

    /// <summary>Tokens added per second.</summary>
    public double Rate { get; }

    /// <summary>Tokens the bucket holds at most.</summary>
    public int Burst { get; }

    /// <summary>Takes one token, waiting until it is available.</summary>
    public Task WaitAsync(CancellationToken cancel = default)
    {
        TimeSpan wait = Reserve();
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, _time, cancel);
    }

    /// <summary>Takes one token now (the balance may go negative) and says how long the caller must wait before using it.</summary>
    public TimeSpan Reserve()
    {
        lock (_lock)
        {
            long now = _time.GetTimestamp();
            _tokens = Math.Min(Burst, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * Rate));
            _last = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / Rate);
        }
    }
}
