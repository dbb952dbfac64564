using System.Globalization;
using TrailSift.Core.Common;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// Links a denial group to the events around it: later separate tagging of resources the same create call made
/// (tag-after-creation), and later successes of the same call (fixed since).
/// </summary>
/// <remarks>Built once per report from merged candidates; read-only afterwards; not shared between threads.</remarks>
internal sealed class DeniedHintLinker
{
    private const int MaxRelated = 50;
    private static readonly long TagWindow = TimeSpan.FromMinutes(10).Ticks;
    private static readonly long IdlessWindow = TimeSpan.FromSeconds(60).Ticks;

    private readonly Dictionary<string, List<TaggingCall>> _taggingByPrincipal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TaggingCall>> _taggingByService = new(StringComparer.Ordinal);
    private readonly Dictionary<CallKey, List<CreationCall>> _creations;
    private readonly Dictionary<CallKey, List<(string? Resource, SuccessStats Stats)>> _successes = [];

    public DeniedHintLinker(List<TaggingCall> tagging, Dictionary<CallKey, List<CreationCall>> creations, Dictionary<SuccessKey, SuccessStats> successes)
    {
        var sorted = new List<TaggingCall>(tagging);
        sorted.Sort(static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : string.CompareOrdinal(a.EventId, b.EventId));
        foreach (TaggingCall t in sorted)
        {
            Index(_taggingByPrincipal, t.Principal, t);
            if (t.InvokedBy is not null)
            {
                Index(_taggingByService, t.InvokedBy, t);
            }
        }

        _creations = creations;
        foreach (List<CreationCall> list in creations.Values)
        {
            list.Sort(DeniedAnalyzer.CompareCreations);
        }

        foreach ((SuccessKey key, SuccessStats stats) in successes)
        {
            Index(_successes, key.Call, (key.Resource, stats));
        }
    }

    public List<DeniedHint> Hints(DenialKey key, DenialState state)
    {
        var hints = new List<DeniedHint>();
        if (state.EventSource is null || state.EventName is null || state.Calls.Last is not long last)
        {
            return hints;
        }

        var call = new CallKey(key.Principal, state.EventSource, state.EventName);
        if (state.AnyUntagged && EventFacts.IsCreateCall(state.EventName) && TagsAfterCreation(call, state, last) is { } tags)
        {
            hints.Add(tags);
        }

        if (Successes(call, key.Resource, last) is { } success)
        {
            hints.Add(success);
        }

        return hints;
    }

    private DeniedHint? TagsAfterCreation(CallKey call, DenialState state, long lastDenied)
    {
        if (!_creations.TryGetValue(call, out List<CreationCall>? creations))
        {
            return null;
        }

        var candidates = new List<TaggingCall>(_taggingByPrincipal.GetValueOrDefault(call.Principal) ?? []);
        if (state.InvokedBy is not null && _taggingByService.TryGetValue(state.InvokedBy, out List<TaggingCall>? byService))
        {
            candidates.AddRange(byService.Where(t => t.Principal != call.Principal));
            candidates.Sort(static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : string.CompareOrdinal(a.EventId, b.EventId));
        }

        var links = new List<(CreationCall Creation, TaggingCall Tagging)>();
        foreach (CreationCall c in creations)
        {
            foreach (TaggingCall t in candidates)
            {
                if (t.Ticks < c.Ticks)
                {
                    continue;
                }

                if (t.Ticks > c.Ticks + TagWindow)
                {
                    break;
                }

                bool linked = c.Created.Length > 0
                    ? t.Resources.Any(r => c.Created.Any(id => r.Equals(id, StringComparison.Ordinal) || r.EndsWith("/" + id, StringComparison.Ordinal)))
                    : t.EventSource == call.EventSource && t.Ticks - c.Ticks <= IdlessWindow;
                if (linked)
                {
                    links.Add((c, t));
                }
            }
        }

        if (links.Count == 0)
        {
            return null;
        }

        (CreationCall _, TaggingCall named) = links.FirstOrDefault(l => l.Tagging.Ticks >= lastDenied, links[0]);
        var keys = new SortedSet<string>(links.SelectMany(l => l.Tagging.TagKeys), StringComparer.Ordinal);
        int taggingCalls = links.Select(l => l.Tagging.EventId).Distinct(StringComparer.Ordinal).Count();
        int creationCalls = links.Select(l => l.Creation.EventId).Distinct(StringComparer.Ordinal).Count();
        var related = new List<RelatedEvent> { Related(named.Ticks, named.EventName, named.EventId, "tagging") };
        foreach ((CreationCall c, TaggingCall t) in links)
        {
            AddRelated(related, Related(c.Ticks, call.EventName, c.EventId, "creation"));
            AddRelated(related, Related(t.Ticks, t.EventName, t.EventId, "tagging"));
        }

        related.Sort(1, related.Count - 1, Comparer<RelatedEvent>.Create(static (a, b) =>
            a.EventTime != b.EventTime ? Nullable.Compare(a.EventTime, b.EventTime) : string.CompareOrdinal(a.EventId, b.EventId)));
        string keyText = keys.Count == 0 ? string.Empty : " with tag keys " + string.Join(", ", keys);
        string text = "tags were applied after creation, so a condition on aws:RequestTag/… at creation time cannot match: "
            + $"the denied calls carried no tags, and {creationCalls} later successful {call.EventName} call(s) by the same principal were tagged "
            + $"in a separate {named.EventName} call{keyText} (first at {Time(named.Ticks)}, event {named.EventId}; {taggingCalls} tagging call(s))";
        return new DeniedHint { Kind = DeniedHintKind.TagsAfterCreation, Text = text, TagKeys = [.. keys], Events = related };
    }

    private DeniedHint? Successes(CallKey call, string? resource, long lastDenied)
    {
        if (!_successes.TryGetValue(call, out List<(string? Resource, SuccessStats Stats)>? entries))
        {
            return null;
        }

        // The same resource: equal, or covered by the denial's type wildcard (instance/*), or unknown under one.
        SuccessStats? same = null, other = null;
        foreach ((string? r, SuccessStats s) in entries)
        {
            bool isSame = resource is not null && (string.Equals(r, resource, StringComparison.OrdinalIgnoreCase)
                || (AwsWildcard.ContainsWildcard(resource) && (r is null || AwsWildcard.IsMatchIgnoreCase(resource, r))));
            if (isSame)
            {
                Accumulate(ref same, s);
            }
            else
            {
                Accumulate(ref other, s);
            }
        }

        if (same is not null && same.LastTicks > lastDenied)
        {
            if (same.FirstTicks > lastDenied)
            {
                return SuccessHint(DeniedHintKind.FixedSince,
                    $"fixed since {Time(same.FirstTicks)}: the same call on the same resource succeeded after the last denial (event {same.FirstId})",
                    same, call.EventName, firstOnly: true);
            }

            return SuccessHint(DeniedHintKind.FixedSince,
                $"the same call on the same resource succeeded again at {Time(same.LastTicks)} (event {same.LastId}) after the last denial; "
                + $"it had also succeeded before, at {Time(same.FirstTicks)}: the denial may depend on a condition",
                same, call.EventName, firstOnly: false);
        }

        // Only when every success came after the denials: successes all along on other resources explain nothing.
        if (other is not null && other.FirstTicks > lastDenied)
        {
            string where = resource is null ? string.Empty : " on other or unrecorded resources";
            return SuccessHint(DeniedHintKind.SucceededLater,
                $"the same call by the same principal succeeded later{where} (from {Time(other.FirstTicks)}, event {other.FirstId}) "
                + "and never before the denials: the policy has probably changed since; check that it covers this resource",
                other, call.EventName, firstOnly: true);
        }

        return null;
    }

    private static DeniedHint SuccessHint(DeniedHintKind kind, string text, SuccessStats s, string eventName, bool firstOnly)
    {
        RelatedEvent named = firstOnly ? Related(s.FirstTicks, eventName, s.FirstId, "success") : Related(s.LastTicks, eventName, s.LastId, "success");
        var related = new List<RelatedEvent> { named };
        AddRelated(related, Related(s.FirstTicks, eventName, s.FirstId, "success"));
        AddRelated(related, Related(s.LastTicks, eventName, s.LastId, "success"));
        return new DeniedHint { Kind = kind, Text = text, Events = related };
    }

    // Folds first/last/count of several success keys into one summary.
    private static void Accumulate(ref SuccessStats? into, SuccessStats s)
    {
        into ??= new SuccessStats();
        into.Merge(s);
    }

    private static RelatedEvent Related(long ticks, string name, string id, string role) =>
        new(new DateTimeOffset(ticks, TimeSpan.Zero), name, id, role);

    private static void AddRelated(List<RelatedEvent> list, RelatedEvent e)
    {
        if (list.Count < MaxRelated && !list.Exists(x => x.EventId == e.EventId))
        {
            list.Add(e);
        }
    }

    private static string Time(long ticks) =>
        new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Index<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out List<TValue>? list))
        {
            list = [];
            map.Add(key, list);
        }

        list.Add(value);
    }
}
