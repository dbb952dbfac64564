using System.Collections.Immutable;
using TrailSift.Core.Analysis.Denied.Messages;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// Builds the <see cref="DeniedPolicyPlan"/>: each <c>no-identity-allow</c> group becomes evidence rows for the
/// <c>policy</c> generator when its action is a catalog action and its resources are ARNs IAM accepts (or unknown,
/// granted on <c>*</c> with the generator's note); anything else is counted as unresolvable with its reason.
/// Principals whose denials look like enumeration (<see cref="EnumerationFinding"/>) are left out entirely.
/// </summary>
/// <remarks>Used once, on one thread.</remarks>
internal sealed class DeniedPolicyPlanner(IamCatalog catalog, IReadOnlyList<DenialKey> keys, Dictionary<DenialKey, DenialState> denials)
{
    internal const string UnknownAction = "action not in the IAM catalog (read from the message; not granted)";
    internal const string NoAction = "the message names no action and none could be derived from the event";
    internal const string ProseResource = "the message names the resource in prose, not as an ARN, and the event gives none";
    internal const string RejectedArn = "the resource ARN has a region or account IAM rejects";
    internal const string TooManyResources = "the calls named more than 32 other resources of the action: not granted, as a partial list would not let the next run pass";
    private const int MaxExamples = 5;

    private readonly Dictionary<string, (long Calls, SortedSet<string> Examples)> _gaps = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Action, string Resource), Row> _rows = [];

    public DeniedPolicyPlan Plan()
    {
        List<EnumerationFinding> enumerations = FindEnumerations();
        var enumerating = new HashSet<string>(enumerations.Select(static e => e.Principal), StringComparer.Ordinal);
        long denied = 0, grantable = 0, other = 0, enumerated = 0;
        var principals = new SortedSet<string>(StringComparer.Ordinal);
        foreach (DenialKey key in keys)
        {
            DenialState state = denials[key];
            long calls = state.Calls.Count;
            denied += calls;
            if (enumerating.Contains(key.Principal))
            {
                enumerated += calls;
            }
            else if (key.Reason != DeniedReason.NoIdentityAllow)
            {
                other += calls;
            }
            else if (TryGrant(key, state))
            {
                grantable += calls;
                principals.Add(key.Principal);
            }
        }

        return new DeniedPolicyPlan
        {
            Evidence = Evidence(principals),
            Principals = [.. principals],
            DeniedCalls = denied,
            GrantableCalls = grantable,
            OtherPolicyCalls = other,
            EnumerationCalls = enumerated,
            Enumerations = enumerations,
            Unresolvable = [.. _gaps
                .OrderByDescending(static g => g.Value.Calls).ThenBy(static g => g.Key, StringComparer.Ordinal)
                .Select(static g => new DeniedPolicyGap { Reason = g.Key, Calls = g.Value.Calls, Examples = [.. g.Value.Examples] })],
        };
    }

    /// <summary>Adds the key's rows, or records why it cannot be granted.</summary>
    private bool TryGrant(DenialKey key, DenialState state)
    {
        long calls = state.Calls.Count;
        if (key.Action is null)
        {
            return Gap(NoAction, state.EventSource + " " + state.EventName, calls);
        }

        if (!catalog.TryGetAction(key.Action, out ActionInfo? info))
        {
            return Gap(UnknownAction, key.Action, calls);
        }

        if (state.MappedResourcesTruncated)
        {
            return Gap(TooManyResources, info.FullName + (key.Resource is null ? string.Empty : " on " + key.Resource), calls);
        }

        var usable = new List<string>();
        string? problem = null;
        foreach (string? resource in Resources(key, state))
        {
            if (resource is null || resource == "*")
            {
                usable.Add("*");
            }
            else if (!resource.StartsWith("arn:", StringComparison.Ordinal))
            {
                problem ??= ProseResource;
            }
            else if (ArnFields.Problem(resource) is not null)
            {
                problem = RejectedArn;
            }
            else
            {
                usable.Add(resource);
            }
        }

        if (usable.Count == 0)
        {
            return Gap(problem ?? ProseResource, info.FullName + (key.Resource is null ? string.Empty : " on " + key.Resource), calls);
        }

        foreach (string resource in usable)
        {
            (string, string) rowKey = (info.FullName, resource);
            if (!_rows.TryGetValue(rowKey, out Row? row))
            {
                string? type = resource == "*" ? null : info.FindResourceTypes(resource) is { IsEmpty: false } types ? types[0].Name : null;
                _rows.Add(rowKey, row = new Row(type));
            }

            row.Calls += calls;
            row.First = Min(row.First, state.Calls.First);
            row.Last = Max(row.Last, state.Calls.Last);
            if (state.EventName is not null)
            {
                row.EventNames.Add(state.EventName);
            }
        }

        return true;
    }

    private static IEnumerable<string?> Resources(DenialKey key, DenialState state)
    {
        yield return key.Resource;
        foreach (string r in state.MappedResources)
        {
            yield return r;
        }
    }

    private bool Gap(string reason, string example, long calls)
    {
        if (!_gaps.TryGetValue(reason, out var gap))
        {
            gap = (0, new SortedSet<string>(StringComparer.Ordinal));
        }

        if (gap.Examples.Count < MaxExamples)
        {
            gap.Examples.Add(example);
        }

        _gaps[reason] = (gap.Calls + calls, gap.Examples);
        return false;
    }

    private PrincipalEvidence Evidence(SortedSet<string> principals)
    {
        var rows = ImmutableArray.CreateBuilder<PermissionEvidence>(_rows.Count);
        long first = 0, last = 0;
        foreach (((string action, string resource), Row row) in _rows
            .OrderBy(static r => r.Key.Action, StringComparer.Ordinal).ThenBy(static r => r.Key.Resource, StringComparer.Ordinal))
        {
            rows.Add(new PermissionEvidence
            {
                Action = action,
                Resource = resource,
                ResourceType = row.Type,
                Calls = row.Calls,
                Denied = row.Calls,
                FirstTicks = row.First ?? 0,
                LastTicks = row.Last ?? 0,
                EventNames = [.. row.EventNames],
            });
            first = first == 0 ? row.First ?? 0 : Math.Min(first, row.First ?? first);
            last = Math.Max(last, row.Last ?? 0);
        }

        return new PrincipalEvidence
        {
            Principal = principals.Count == 1 ? principals.Min! : $"{principals.Count} principals",
            Permissions = rows.MoveToImmutable(),
            DeniedCalls = _rows.Values.Sum(static r => r.Calls),
            FirstTicks = first,
            LastTicks = last,
        };
    }

    /// <summary>Principals denied on at least <see cref="EnumerationFinding.MinServices"/> services and <see cref="EnumerationFinding.MinActions"/> actions within one window.</summary>
    private List<EnumerationFinding> FindEnumerations()
    {
        var found = new List<EnumerationFinding>();
        foreach (IGrouping<string, DenialKey> byPrincipal in keys.GroupBy(static k => k.Principal, StringComparer.Ordinal))
        {
            var seen = new List<(long Ticks, string Service, string Action)>();
            var allServices = new HashSet<string>(StringComparer.Ordinal);
            var allActions = new HashSet<string>(StringComparer.Ordinal);
            long calls = 0;
            long? first = null, last = null;
            foreach (DenialKey k in byPrincipal)
            {
                DenialState state = denials[k];
                calls += state.Calls.Count;
                first = Min(first, state.Calls.First);
                last = Max(last, state.Calls.Last);
                string action = k.Action ?? (state.EventSource + ":" + state.EventName);
                int colon = action.IndexOf(':', StringComparison.Ordinal);
                string service = colon > 0 ? action[..colon].ToLowerInvariant() : action;
                allServices.Add(service);
                allActions.Add(action.ToLowerInvariant());
                if (state.Calls.First is long ticks)
                {
                    seen.Add((ticks, service, action.ToLowerInvariant()));
                }
            }

            int services = allServices.Count;
            int actions = allActions.Count;
            if (services < EnumerationFinding.MinServices || actions < EnumerationFinding.MinActions)
            {
                continue;
            }

            int inWindow = MostInWindow(seen);
            if (inWindow >= EnumerationFinding.MinServices)
            {
                found.Add(new EnumerationFinding
                {
                    Principal = byPrincipal.Key,
                    Services = services,
                    Actions = actions,
                    Calls = calls,
                    ServicesInWindow = inWindow,
                    FirstSeen = Time(first),
                    LastSeen = Time(last),
                });
            }
        }

        return found;
    }

    /// <summary>The most distinct services among the first denials of distinct actions inside one window, when that window also holds enough actions; else 0.</summary>
    private static int MostInWindow(List<(long Ticks, string Service, string Action)> seen)
    {
        seen.Sort(static (a, b) => a.Ticks.CompareTo(b.Ticks));
        long window = EnumerationFinding.Window.Ticks;
        var services = new Dictionary<string, int>(StringComparer.Ordinal);
        var actions = new Dictionary<string, int>(StringComparer.Ordinal);
        int best = 0, start = 0;
        for (int end = 0; end < seen.Count; end++)
        {
            Count(services, seen[end].Service, +1);
            Count(actions, seen[end].Action, +1);
            while (seen[end].Ticks - seen[start].Ticks > window)
            {
                Count(services, seen[start].Service, -1);
                Count(actions, seen[start].Action, -1);
                start++;
            }

            if (actions.Count >= EnumerationFinding.MinActions)
            {
                best = Math.Max(best, services.Count);
            }
        }

        return best;
    }

    private static void Count(Dictionary<string, int> counts, string key, int delta)
    {
        int n = counts.GetValueOrDefault(key) + delta;
        if (n == 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = n;
        }
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static DateTimeOffset? Time(long? ticks) => ticks is long t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private sealed class Row(string? type)
    {
        public string? Type { get; } = type;

        public long Calls { get; set; }

        public long? First { get; set; }

        public long? Last { get; set; }

        public SortedSet<string> EventNames { get; } = new(StringComparer.Ordinal);
    }
}
