using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Actions;

/*! Analysis/Actions: what the selected events needed (`trailsift actions --summary` and `--coverage`), aggregated
    per principal or per (eventSource, eventName). Depends on Events, Iam/Mapping and Common. */

/// <summary>
/// Aggregates mapped events for <c>actions --summary</c> (per principal: actions and resources with counts) or
/// <c>actions --coverage</c> (per <c>(eventSource, eventName)</c>: count, mapped, actions). Merged after the scan.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker, merged on one thread.</remarks>
public sealed class PermissionAggregator(EventPermissionMapper mapper, bool coverage) : IEventSink, ISequencedSink
{
    private readonly Dictionary<string, PrincipalPermissions> _principals = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Name), EventPairCoverage> _pairs = new();

    /// <summary>Per principal, sorted by name (summary mode).</summary>
    public IEnumerable<KeyValuePair<string, PrincipalPermissions>> Principals => _principals.OrderBy(x => x.Key, StringComparer.Ordinal);

    /// <summary>Principals seen.</summary>
    public int PrincipalCount => _principals.Count;

    /// <summary>Per (eventSource, eventName), sorted (coverage mode).</summary>
    public IEnumerable<KeyValuePair<(string Source, string Name), EventPairCoverage>> Pairs =>
        _pairs.OrderBy(x => x.Key.Source, StringComparer.Ordinal).ThenBy(x => x.Key.Name, StringComparer.Ordinal);

    /// <summary>Pairs seen.</summary>
    public int PairCount => _pairs.Count;

    /// <inheritdoc />
    public void BeginObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void EndObject(int sequence, string path)
    {
    }

    /// <summary>The principal an event's permissions are listed under: <see cref="ResolvedPrincipal.Display"/>.</summary>
    public static string PrincipalOf(EventRecord record) => PrincipalResolver.Resolve(record).Display;

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        EventPermissions result = mapper.Map(record);
        if (coverage)
        {
            var key = (Text(record.EventSource), Text(record.EventName));
            if (!_pairs.TryGetValue(key, out EventPairCoverage? pair))
            {
                _pairs[key] = pair = new EventPairCoverage();
            }

            pair.Add(result);
            return;
        }

        string principal = PrincipalOf(record);
        if (!_principals.TryGetValue(principal, out PrincipalPermissions? p))
        {
            _principals[principal] = p = new PrincipalPermissions();
        }

        p.Events++;
        foreach (RequiredPermission permission in result.Permissions)
        {
            p.Observed.Add(permission.Action, permission.Resource, 1);
        }

        foreach (RequiredPermission permission in result.Implied)
        {
            p.Implied.Add(permission.Action, permission.Resource, 1);
        }
    }

    /// <summary>Adds another worker's aggregates.</summary>
    public void Merge(PermissionAggregator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach ((string name, PrincipalPermissions p) in other._principals)
        {
            if (!_principals.TryGetValue(name, out PrincipalPermissions? mine))
            {
                _principals[name] = mine = new PrincipalPermissions();
            }

            mine.Merge(p);
        }

        foreach ((var key, EventPairCoverage pair) in other._pairs)
        {
            if (!_pairs.TryGetValue(key, out EventPairCoverage? mine))
            {
                _pairs[key] = mine = new EventPairCoverage();
            }

            mine.Merge(pair);
        }
    }

    private static string Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : string.Empty;
}
