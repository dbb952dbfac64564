using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using TrailSift.Core.Query.Jq.Runtime;

namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// The time a regex match may take, for both evaluators. A match that runs longer ends the evaluation of that input
/// with an error that <c>try</c> cannot catch (never a non-match). After a regex has timed out once, its later matches
/// get a much shorter limit (1/20, at least 20 ms), so a catastrophic pattern over many events costs one full timeout
/// and then a few milliseconds per event, each reported, instead of the full timeout per event.
/// </summary>
/// <remarks>
/// The limit is 2 s; the environment variable <c>TRAILSIFT_REGEX_TIMEOUT_MS</c> (read once) changes it, for tests
/// that drive a real catastrophic regex to its timeout. Thread-safe.
/// </remarks>
internal static class RegexTimeouts
{
    private static readonly ConditionalWeakTable<Regex, Regex> Shortened = new();
    private static volatile bool _anyTimedOut;

    /// <summary>The limit for one match.</summary>
    public static TimeSpan PerMatch { get; } = Read();

    /// <summary>The limit for one match of a regex that has timed out before.</summary>
    public static TimeSpan AfterTimeout { get; } = TimeSpan.FromMilliseconds(Math.Max(20, PerMatch.TotalMilliseconds / 20));

    /// <summary>The regex to match with: <paramref name="regex"/>, or its shortened copy once it has timed out.</summary>
    public static Regex Current(Regex regex) =>
        _anyTimedOut && Shortened.TryGetValue(regex, out Regex? shortened) ? shortened : regex;

    /// <summary>
    /// Records that a match of <paramref name="original"/> (the regex as compiled, not its shortened copy) timed out
    /// and returns the error to raise.
    /// </summary>
    public static JqBudgetExceededException TimedOut(Regex original, RegexMatchTimeoutException e)
    {
        Shortened.GetValue(original, static r => new Regex(r.ToString(), r.Options, AfterTimeout));
        _anyTimedOut = true;
        string seconds = e.MatchTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return new JqBudgetExceededException($"regex match timed out after {seconds} s (an error, not a non-match)");
    }

    private static TimeSpan Read()
    {
        string? text = Environment.GetEnvironmentVariable("TRAILSIFT_REGEX_TIMEOUT_MS");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int ms) && ms > 0
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.FromSeconds(2);
    }
}
