using System.Globalization;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// The time a statement's date conditions allow requests in: the bounds its <c>aws:CurrentTime</c> and
/// <c>aws:EpochTime</c> conditions set (<c>DateLessThan</c>, <c>DateGreaterThanEquals</c>, …, and the <c>Numeric</c>
/// operators on <c>aws:EpochTime</c>), intersected. A condition whose values cannot be read (a policy variable, a
/// set qualifier, an unknown format) sets no bound, so the window is never narrower than what the policy allows.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed record ConditionTimeWindow(long? From, long? To, long FromTicks, long ToTicks)
{
    private const string CurrentTime = "aws:CurrentTime";
    private const string EpochTime = "aws:EpochTime";

    /// <summary>The statement's window, or null when no date condition bounds it.</summary>
    public static ConditionTimeWindow? Of(Statement statement)
    {
        long from = long.MinValue, to = long.MaxValue;
        long? shownFrom = null, shownTo = null;
        foreach (PolicyCondition condition in statement.Conditions)
        {
            if (condition.Operator is not { Qualifier: SetQualifier.None } op
                || !(condition.Key.Equals(CurrentTime, StringComparison.OrdinalIgnoreCase) || condition.Key.Equals(EpochTime, StringComparison.OrdinalIgnoreCase))
                || !TryReadAll(condition, out long min, out long max))
            {
                continue;
            }

            switch (op.Kind)
            {
                case ConditionOperatorKind.DateLessThan or ConditionOperatorKind.NumericLessThan:
                    Lower(ref to, ref shownTo, max - 1, max);
                    break;
                case ConditionOperatorKind.DateLessThanEquals or ConditionOperatorKind.NumericLessThanEquals:
                    Lower(ref to, ref shownTo, max, max);
                    break;
                case ConditionOperatorKind.DateGreaterThan or ConditionOperatorKind.NumericGreaterThan:
                    Raise(ref from, ref shownFrom, min + 1, min);
                    break;
                case ConditionOperatorKind.DateGreaterThanEquals or ConditionOperatorKind.NumericGreaterThanEquals:
                    Raise(ref from, ref shownFrom, min, min);
                    break;
                case ConditionOperatorKind.DateEquals or ConditionOperatorKind.NumericEquals:
                    Raise(ref from, ref shownFrom, min, min);
                    Lower(ref to, ref shownTo, max, max);
                    break;
            }
        }

        return shownFrom is null && shownTo is null ? null : new ConditionTimeWindow(shownFrom, shownTo, from, to);
    }

    /// <summary>True when a request at some time from <paramref name="firstTicks"/> to <paramref name="lastTicks"/> can fall in the window.</summary>
    public bool Overlaps(long firstTicks, long lastTicks) => FromTicks <= ToTicks && FromTicks <= lastTicks && ToTicks >= firstTicks;

    /// <summary>The window in words, as the policy states it.</summary>
    public string Describe() => (From, To) switch
    {
        ({ } from, { } to) => $"from {Time(from)} to {Time(to)}",
        ({ } from, null) => $"after {Time(from)}",
        (null, { } to) => $"before {Time(to)}",
        _ => "at no time",
    };

    private static void Lower(ref long to, ref long? shown, long bound, long written)
    {
        if (bound < to)
        {
            to = bound;
            shown = written;
        }
    }

    private static void Raise(ref long from, ref long? shown, long bound, long written)
    {
        if (bound > from)
        {
            from = bound;
            shown = written;
        }
    }

    // Every value as UTC ticks (the values of one condition are ORed: the window reaches from the smallest to the largest).
    private static bool TryReadAll(PolicyCondition condition, out long min, out long max)
    {
        min = long.MaxValue;
        max = long.MinValue;
        foreach (ConditionValue value in condition.Values)
        {
            if (!TryRead(value.Text, out long ticks))
            {
                return false;
            }

            min = Math.Min(min, ticks);
            max = Math.Max(max, ticks);
        }

        return condition.Values.Length > 0;
    }

    // An ISO 8601 date and time (UTC when no offset is given) or epoch seconds, as IAM reads date condition values.
    private static bool TryRead(string text, out long ticks)
    {
        ticks = 0;
        if (text.Contains("${", StringComparison.Ordinal))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seconds))
        {
            if (seconds < -62135596800L || seconds > 253402300799L)
            {
                return false;
            }

            ticks = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset at))
        {
            ticks = at.UtcTicks;
            return true;
        }

        return false;
    }

    private static string Time(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
