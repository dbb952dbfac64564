using TrailSift.Core.Events;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// Wraps the scan's predicate to count every event read and the data events among them, before any filter, so a
/// policy can say whether the input could show data-plane use at all. The check is on the raw bytes
/// (<c>"eventCategory":"Data"</c> or <c>"managementEvent":false</c>), so filtered-out events stay unparsed.
/// </summary>
/// <remarks>Thread-safe: <see cref="ForWorker"/> gives each scan worker its own counters; read the totals after the scan.</remarks>
public sealed class InputFactsPredicate : IEventPredicate
{
    private readonly IEventPredicate _inner;
    private readonly List<InputFactsPredicate> _workers;
    private long _events;
    private long _dataEvents;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public InputFactsPredicate(IEventPredicate inner)
        : this(inner, [])
    {
    }

    private InputFactsPredicate(IEventPredicate inner, List<InputFactsPredicate> workers)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _workers = workers;
    }

    /// <summary>Events read by every worker (call after the scan).</summary>
    public long Events => Sum(static p => p._events);

    /// <summary>Data events among them (call after the scan).</summary>
    public long DataEvents => Sum(static p => p._dataEvents);

    /// <inheritdoc />
    public bool HasPrefilter => _inner.HasPrefilter;

    /// <inheritdoc />
    public bool MayMatch(ReadOnlySpan<byte> utf8)
    {
        _events++;
        if (IsDataEvent(utf8))
        {
            _dataEvents++;
        }

        return _inner.MayMatch(utf8);
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record) => _inner.Matches(record);

    /// <inheritdoc />
    public IEventPredicate ForWorker()
    {
        var worker = new InputFactsPredicate(_inner.ForWorker(), _workers);
        lock (_workers)
        {
            _workers.Add(worker);
        }

        return worker;
    }

    /// <summary>True when the raw record says it is a data event.</summary>
    public static bool IsDataEvent(ReadOnlySpan<byte> utf8) =>
        ValueAfter(utf8, "\"eventCategory\""u8).StartsWith("\"Data\""u8) || ValueAfter(utf8, "\"managementEvent\""u8).StartsWith("false"u8);

    private static ReadOnlySpan<byte> ValueAfter(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> key)
    {
        int i = utf8.IndexOf(key);
        if (i < 0)
        {
            return default;
        }

        ReadOnlySpan<byte> rest = utf8[(i + key.Length)..].TrimStart(" \t\r\n"u8);
        return rest.StartsWith(":"u8) ? rest[1..].TrimStart(" \t\r\n"u8) : default;
    }

    private long Sum(Func<InputFactsPredicate, long> read)
    {
        lock (_workers)
        {
            long total = _workers.Count == 0 ? read(this) : 0;
            foreach (InputFactsPredicate worker in _workers)
            {
                total += read(worker);
            }

            return total;
        }
    }
}
