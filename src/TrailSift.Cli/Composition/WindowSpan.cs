using System.Globalization;
using TrailSift.Core.Events;
using TrailSift.Core.Query.Shortcuts;

namespace TrailSift.Cli.Composition;

/// <summary>
/// <c>--since</c>/<c>--until</c> that also notes the time span of the events it sees, so that a window beside the
/// input's data is reported as such ("no data there"), never as an empty answer. Goes first among the plan's parts:
/// it sees every record, through the raw-byte test when the scan uses one and through <see cref="Matches"/> otherwise.
/// </summary>
/// <remarks>Thread-safe: the span is widened with compare-and-swap, which happens only when an event lies outside it.</remarks>
public sealed class WindowSpan : IEventPredicate
{
    private static readonly byte[] TimeKey = "\"eventTime\""u8.ToArray();
    private readonly TimeWindowPredicate _window;
    private long _first = long.MaxValue;
    private long _last = long.MinValue;

    /// <summary>Creates the window; a null bound is open.</summary>
    public WindowSpan(DateTimeOffset? since, DateTimeOffset? until)
    {
        Since = since;
        Until = until;
        _window = new TimeWindowPredicate(since, until);
    }

    /// <summary>The window's start, when given.</summary>
    public DateTimeOffset? Since { get; }

    /// <summary>The window's end (exclusive), when given.</summary>
    public DateTimeOffset? Until { get; }

    /// <summary>The earliest and latest event time seen, or null before any event with a time.</summary>
    /// <remarks>Read after the scan.</remarks>
    public (DateTimeOffset First, DateTimeOffset Last)? Seen
    {
        get
        {
            long first = Volatile.Read(ref _first), last = Volatile.Read(ref _last);
            return first > last ? null : (new DateTimeOffset(first, TimeSpan.Zero), new DateTimeOffset(last, TimeSpan.Zero));
        }
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record)
    {
        if (record.EventTimeTicks is long t)
        {
            Observe(t);
        }

        return _window.Matches(record);
    }

    /// <inheritdoc />
    public bool MayMatch(ReadOnlySpan<byte> utf8)
    {
        // Only notes the time; the window itself is decided on the parsed record.
        int at = utf8.IndexOf(TimeKey);
        if (at >= 0)
        {
            ReadOnlySpan<byte> rest = utf8[(at + TimeKey.Length)..].TrimStart(" \t\r\n"u8);
            if (rest.Length > 1 && rest[0] == ':')
            {
                rest = rest[1..].TrimStart(" \t\r\n"u8);
                int end = rest.Length > 1 && rest[0] == '"' ? rest[1..].IndexOf((byte)'"') : -1;
                if (end > 0 && EventTimeParser.TryParse(rest.Slice(1, end), out long t))
                {
                    Observe(t);
                }
            }
        }

        return true;
    }

    /// <summary>The note for stderr when the window and the events seen do not overlap; null when they do or nothing was seen.</summary>
    public string? Note()
    {
        if (Seen is not var (first, last) || (Since is null || last >= Since) && (Until is null || first < Until))
        {
            return null;
        }

        return $"no event in the window ({Describe()}): the input's events span {Format(first)} to {Format(last)}";
    }

    /// <summary>The window as given, e.g. <c>--since 2026-03-14T00:00:00Z --until 2026-03-15T00:00:00Z</c>.</summary>
    public string Describe() =>
        (Since is { } s ? "--since " + Format(s) : string.Empty) + (Since is not null && Until is not null ? " " : string.Empty)
        + (Until is { } u ? "--until " + Format(u) : string.Empty);

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private void Observe(long ticks)
    {
        long first = Volatile.Read(ref _first);
        while (ticks < first)
        {
            long seen = Interlocked.CompareExchange(ref _first, ticks, first);
            if (seen == first)
            {
                break;
            }

            first = seen;
        }

        long last = Volatile.Read(ref _last);
        while (ticks > last)
        {
            long seen = Interlocked.CompareExchange(ref _last, ticks, last);
            if (seen == last)
            {
                break;
            }

            last = seen;
        }
    }
}
