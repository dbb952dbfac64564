using System.Collections.Immutable;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Usage;

/*! Analysis/Usage: `trailsift unused`, granted versus used. Collects what the input covers (CoverageCollector) and,
    per principal, which of its current Allow statements each recorded call needed (UsageCollector, replaying through
    Analysis/Replay's request building and the evaluator); then judges every granted action (GrantAnalyzer) and
    builds and verifies the reduced policy (ReducedPolicyBuilder, narrowing Analysis/Generation's output to today's
    grants). The one Analysis folder allowed to use two others (Replay, Generation): it composes them. */

/// <summary>
/// Accumulates the <see cref="InputCoverage"/> of the scanned events: accounts, regions per account, time span and
/// data events per service, the services with events. Every event counts, selected or not, so run it over the whole input.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker, merged with <see cref="Merge"/>.</remarks>
public sealed class CoverageCollector : IEventSink
{
    private readonly Dictionary<string, HashSet<string>> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _dataEvents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);
    private string? _lastSource;
    private string? _lastService;
    private string? _lastAccount;
    private string? _lastRegion;
    private long _events;
    private long _first = long.MaxValue;
    private long _last = long.MinValue;

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _events++;
        string account = Text(record.RecipientAccountId) ?? Text(record.UserIdentity.GetProperty("accountId"u8)) ?? string.Empty;
        string region = Text(record.AwsRegion) ?? string.Empty;
        if (!ReferenceEquals(account, _lastAccount) || !ReferenceEquals(region, _lastRegion))
        {
            // Another (account, region) than the last event's (most runs of events share one): note it.
            if (!_regions.TryGetValue(account, out HashSet<string>? regions))
            {
                _regions.Add(account, regions = new HashSet<string>(StringComparer.Ordinal));
            }

            regions.Add(region);
            (_lastAccount, _lastRegion) = (account, region);
        }
        if (record.EventTimeTicks is long ticks)
        {
            _first = Math.Min(_first, ticks);
            _last = Math.Max(_last, ticks);
        }

        string? source = Text(record.EventSource);
        if (source is not null && !ReferenceEquals(source, _lastSource))
        {
            // A new source since the last event (most runs of events share one): note its service.
            _lastSource = source;
            _lastService = ServicePrefixes.FromEventSource(source);
            if (_lastService is string service)
            {
                _services.Add(service);
            }
        }

        // The source's service is the last source's (the same instance: its prefix was just derived, or before).
        if (DataEvents.IsDataEvent(record) && source is not null && _lastService is string prefix)
        {
            _dataEvents[prefix] = _dataEvents.GetValueOrDefault(prefix) + 1;
        }
    }

    // Accounts, regions and sources recur on every event: their text comes from the thread's cache, one string per
    // value while it stays there (so the last event's are often the same instances), no new string per event.
    private static string? Text(JsonNode node) => TextCache.Text(node);

    /// <summary>Adds another worker's counts.</summary>
    public void Merge(CoverageCollector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _events += other._events;
        _first = Math.Min(_first, other._first);
        _last = Math.Max(_last, other._last);
        foreach ((string account, HashSet<string> regions) in other._regions)
        {
            if (!_regions.TryGetValue(account, out HashSet<string>? mine))
            {
                _regions.Add(account, mine = new HashSet<string>(StringComparer.Ordinal));
            }

            mine.UnionWith(regions);
        }

        _services.UnionWith(other._services);
        foreach ((string prefix, long n) in other._dataEvents)
        {
            _dataEvents[prefix] = _dataEvents.GetValueOrDefault(prefix) + n;
        }
    }

    /// <summary>The coverage so far.</summary>
    public InputCoverage Coverage() => new()
    {
        Events = _events,
        Regions = _regions.Where(static p => p.Key.Length > 0).ToImmutableSortedDictionary(static p => p.Key,
            static p => p.Value.Where(static r => r.Length > 0).Order(StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal),
        DataEvents = _dataEvents.ToImmutableSortedDictionary(StringComparer.Ordinal),
        Services = _services.ToImmutableSortedSet(StringComparer.Ordinal),
        FirstTicks = _events == 0 || _first == long.MaxValue ? 0 : _first,
        LastTicks = _events == 0 || _last == long.MinValue ? 0 : _last,
    };
}
