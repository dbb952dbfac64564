using System.Collections.Concurrent;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// The reasons <see cref="GrantAnalyzer"/> gives that depend on an action or a service prefix alone (not visible in
/// CloudTrail), one string each for the whole process: thousands of principals' grants of one action share it instead
/// of each grant formatting its own. Bounded: past <see cref="Limit"/> keys a reason is made anew each time.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static class SharedReasons
{
    /// <summary>How many reasons each kind keeps at most (policies name actions freely).</summary>
    internal const int Limit = 4096;

    private static readonly ConcurrentDictionary<string, string> NeverLoggedReasons = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> UnrecordedReasons = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Prefix, bool InInput), string> DataEventReasons = new();

    /// <summary>Why a never-logged action is not visible when no implying call used its statement.</summary>
    public static string NeverLogged(string action) =>
        Shared(NeverLoggedReasons, action, static a => CloudTrailVisibility.NeverLoggedReason(a) + "; no implying call used this statement");

    /// <summary>Why an action of a service without a known event source and without events in the input is not visible.</summary>
    public static string Unrecorded(string prefix) =>
        Shared(UnrecordedReasons, prefix,
            static p => $"no CloudTrail event source is known for {p} and the input holds no {p} events: its calls may not be recorded");

    /// <summary>Why a data event is not visible for a principal without data events of its service (<paramref name="inInput"/>: others have some).</summary>
    public static string DataEvent(string prefix, bool inInput) =>
        Shared(DataEventReasons, (prefix, inInput), static key => key.Item2
            ? $"a data event; the input holds {key.Item1} data events, none by this principal (trails record data events only for the resources they select)"
            : $"a data event, and the input holds no {key.Item1} data events");

    private static string Shared<TKey>(ConcurrentDictionary<TKey, string> reasons, TKey key, Func<TKey, string> make)
        where TKey : notnull
    {
        if (reasons.TryGetValue(key, out string? reason))
        {
            return reason;
        }

        reason = make(key);
        return reasons.Count < Limit ? reasons.GetOrAdd(key, reason) : reason;
    }
}
