using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>Hint candidates: what successful calls the denied analysis keeps (tagging calls, untagged creates, success keys).</summary>
public sealed partial class DeniedAnalyzer
{
    private void RecordSuccess(EventRecord record)
    {
        if (record.EventTimeTicks is not long ticks || record.EventName.Kind != JsonKind.String || record.EventSource.Kind != JsonKind.String)
        {
            return;
        }

        string principal = PrincipalOf(record, null);

        string source = record.EventSource.GetString();
        string name = record.EventName.GetString();
        string eventId = EventFacts.EventId(record);
        if (TaggingCalls.AddsTags(name))
        {
            _tagging.Add(new TaggingCall(principal, EventFacts.InvokedBy(record), ticks, eventId, name, source,
                EventFacts.TaggedResources(record), EventFacts.TagKeys(record)));
        }
        else if (EventFacts.IsCreateCall(name) && !EventFacts.RequestHasTags(record))
        {
            AddCreation(new CallKey(principal, source, name), new CreationCall(ticks, eventId, EventFacts.CreatedResources(record)));
        }

        var call = new CallKey(principal, source, name);
        bool any = false;
        foreach (RequiredPermission p in Required(record))
        {
            if (!p.Implied && p.Resource != "*")
            {
                GetOrAdd(_successes, new SuccessKey(call, p.Resource)).Add(ticks, eventId);
                any = true;
            }
        }

        if (!any)
        {
            GetOrAdd(_successes, new SuccessKey(call, null)).Add(ticks, eventId);
        }
    }

    // Keeps the earliest creations per call (bounded), trimming in batches so adding stays amortised O(1).
    private void AddCreation(CallKey key, CreationCall creation)
    {
        if (!_creations.TryGetValue(key, out List<CreationCall>? list))
        {
            list = [];
            _creations.Add(key, list);
        }

        list.Add(creation);
        if (list.Count > 2 * MaxCreationsPerCall)
        {
            list.Sort(CompareCreations);
            list.RemoveRange(MaxCreationsPerCall, list.Count - MaxCreationsPerCall);
        }
    }

    internal static int CompareCreations(CreationCall a, CreationCall b)
    {
        int c = a.Ticks.CompareTo(b.Ticks);
        return c != 0 ? c : string.CompareOrdinal(a.EventId, b.EventId);
    }
}
