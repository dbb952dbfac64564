using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Replay;

/// <summary>
/// The first pass of a replay: collects the tagging facts of a trail (EC2 <c>CreateTags</c>/<c>DeleteTags</c>,
/// <c>RunInstances</c> creating instances with their creation tags, <c>TagResource</c>/<c>UntagResource</c>,
/// <c>AddTags</c>/<c>RemoveTags</c>, EMR's <c>RunJobFlow</c> with its tags, SQS <c>TagQueue</c>/<c>UntagQueue</c>) keyed by resource, so the second pass can
/// give each call the <c>aws:ResourceTag/…</c> values its resources had at that moment, and name the tagging call that
/// followed a call denied for missing request tags. Memory is bounded by the tagging facts, not by the events.
/// </summary>
/// <remarks>Not thread-safe while collecting (one per scan worker, then <see cref="Merge"/>); after
/// <see cref="Freeze"/> the lookups are read-only and safe from many threads.</remarks>
public sealed partial class TagLedger : IEventSink, ISequencedSink
{
    /// <summary>The event names whose facts the ledger collects; scanning only these is enough for the first pass.</summary>
    public static readonly FrozenSet<string> TaggingEventNames = FrozenSet.Create(StringComparer.Ordinal,
        "CreateTags", "DeleteTags", "RunInstances", "TagResource", "UntagResource", "AddTags", "RemoveTags",
        "TagQueue", "UntagQueue", "AddTagsToResource", "RemoveTagsFromResource",
        "CreateVolume", "CreateSnapshot", "CreateSecurityGroup", "CreateVpc", "CreateSubnet", "CreateNetworkInterface", "CreateImage",
        "AssociateIamInstanceProfile", "ReplaceIamInstanceProfileAssociation", "DisassociateIamInstanceProfile", "RunJobFlow");

    // The names' bytes, asked before the set (TaggingNameFilter).
    private static readonly TaggingNameFilter NameFilter = new(TaggingEventNames);

    private readonly Dictionary<string, List<TagFact>> _byResource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TagFact>> _byPrincipal = new(StringComparer.Ordinal);
    private bool _frozen;

    // Tag keys and values, principals: they repeat on every launch of a cluster or fleet.
    private readonly SharedTexts _shared = new();

    /// <summary>How many facts were collected.</summary>
    public int Count { get; private set; }

    /// <inheritdoc />
    public void BeginObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void EndObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        // The name first: most events are not tagging calls, and are passed over before any other field is read.
        JsonNode eventName = record.EventName;
        if (eventName.Kind != JsonKind.String || !NameFilter.MayTag(eventName) || record.ErrorCode.Kind == JsonKind.String
            || record.EventTimeTicks is not long ticks)
        {
            return;
        }

        // The set's own string: one copy of each name however many facts hold it (the name read through the thread's
        // cache: no new string per event).
        if (!TaggingEventNames.TryGetValue(TextCache.Get(eventName), out string? name))
        {
            return;
        }

        JsonNode parameters = record.Root.GetProperty("requestParameters"u8);
        string? principal = Share(PrincipalResolver.Resolve(record).Key);
        string eventId = Text(record.Root.GetProperty("eventID"u8)) ?? string.Empty;
        string eventTime = Text(record.Root.GetProperty("eventTime"u8)) ?? string.Empty;
        if (CreationAttributes.ChangesAttributes(name))
        {
            AddAttributeChange(record, ticks, eventId, eventTime, name, principal);
            return;
        }

        bool removal = TaggingCalls.RemovesTags(name);
        string? created = CreatedType(name);
        bool creation = created is not null;

        // A launch's tag specifications also tag its volumes and interfaces; only the instance ones are the instance's.
        ImmutableArray<KeyValuePair<string, string>> tags = removal ? [] : SharedTags(TagReader.RequestTags(parameters, created));
        ImmutableArray<string> removed = removal ? [.. TagReader.RemovedKeys(parameters)] : [];
        bool removesAll = name == "DeleteTags" && removed.IsEmpty;
        List<(string Id, ImmutableArray<KeyValuePair<string, string>> Values, ImmutableArray<string> Absent)> attributes =
            creation ? CreationAttributes.Read(record) : [];
        foreach (string resource in Resources(name, record, parameters))
        {
            (string _, ImmutableArray<KeyValuePair<string, string>> values, ImmutableArray<string> absent) = AttributesOf(attributes, resource);
            Add(new TagFact(resource, ticks, eventId, eventTime, name, principal, tags, removed, creation)
            {
                RemovesAllUserTags = removesAll,
                Attributes = values.IsDefault ? [] : values,
                AbsentAttributes = absent.IsDefault ? [] : absent,
            });
        }
    }

    // The tags with one copy of each repeated text.
    private ImmutableArray<KeyValuePair<string, string>> SharedTags(List<KeyValuePair<string, string>> read)
    {
        var tags = new KeyValuePair<string, string>[read.Count];
        for (int i = 0; i < tags.Length; i++)
        {
            tags[i] = new KeyValuePair<string, string>(Share(read[i].Key), Share(read[i].Value));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(tags);
    }

    // The creation attributes read for resource (the first entry with its id; default when none).
    private static (string Id, ImmutableArray<KeyValuePair<string, string>> Values, ImmutableArray<string> Absent) AttributesOf(
        List<(string Id, ImmutableArray<KeyValuePair<string, string>> Values, ImmutableArray<string> Absent)> attributes, string resource)
    {
        foreach (var entry in attributes)
        {
            if (entry.Id == resource)
            {
                return entry;
            }
        }

        return default;
    }

    // One copy of a repeated text (bounded against hostile input).
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private string? Share(string? text) => text is null ? null : _shared.Share(text);

    /// <summary>Adds another worker's facts.</summary>
    public void Merge(TagLedger other)
    {
        ArgumentNullException.ThrowIfNull(other);
        MergeAttributeChanges(other);
        foreach (List<TagFact> facts in other._byResource.Values)
        {
            foreach (TagFact fact in facts)
            {
                Add(fact);
            }
        }
    }

    /// <summary>Sorts the facts by time; call once after merging, before the lookups.</summary>
    public void Freeze()
    {
        foreach (List<TagFact> list in _byResource.Values)
        {
            list.Sort(ByTime);
        }

        foreach (List<TagFact> list in _byPrincipal.Values)
        {
            list.Sort(ByTime);
        }

        _frozen = true;
    }

    /// <summary>
    /// The tags the trail shows on <paramref name="resource"/> (an ARN; EC2 ARNs are looked up by their id) just
    /// before <paramref name="ticks"/>, and whether they are complete: true when the trail saw the resource created,
    /// so a tag it does not list is known to be absent.
    /// </summary>
    public (Dictionary<string, string> Tags, bool Complete) TagsBefore(string resource, long ticks)
    {
        ThrowIfNotFrozen();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        bool complete = false;
        if (!TryFind(resource, out List<TagFact>? facts))
        {
            return (tags, false);
        }

        foreach (TagFact fact in facts)
        {
            if (fact.Ticks >= ticks)
            {
                break;
            }

            if (fact.IsCreation)
            {
                tags.Clear();
                complete = true;
            }

            foreach (KeyValuePair<string, string> tag in fact.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            foreach (string key in fact.RemovedKeys)
            {
                tags.Remove(key);
            }

            if (fact.RemovesAllUserTags)
            {
                // EC2 deletes every user-defined tag when DeleteTags names none; aws: tags cannot be deleted.
                foreach (string key in tags.Keys.Where(static k => !k.StartsWith("aws:", StringComparison.Ordinal)).ToList())
                {
                    tags.Remove(key);
                }
            }
        }

        return (tags, complete);
    }

    /// <summary>
    /// The first tagging call (not a creation, not a removal) by <paramref name="principal"/> after
    /// <paramref name="ticks"/>: on one of <paramref name="createdIds"/> when there are any, otherwise within
    /// <paramref name="window"/>.
    /// </summary>
    public TagFact? FindLaterTagging(string? principal, long ticks, IReadOnlyList<string> createdIds, TimeSpan window)
    {
        ThrowIfNotFrozen();
        if (createdIds.Count > 0)
        {
            TagFact? best = null;
            foreach (string id in createdIds)
            {
                if (!_byResource.TryGetValue(id, out List<TagFact>? facts))
                {
                    continue;
                }

                foreach (TagFact fact in facts)
                {
                    if (fact.Ticks >= ticks && !fact.IsCreation && fact.Tags.Length > 0 && SamePrincipal(fact, principal)
                        && (best is null || fact.Ticks < best.Ticks))
                    {
                        best = fact;
                        break;
                    }
                }
            }

            return best;
        }

        if (principal is null || !_byPrincipal.TryGetValue(principal, out List<TagFact>? mine))
        {
            return null;
        }

        foreach (TagFact fact in mine)
        {
            if (fact.Ticks > ticks && fact.Ticks - ticks <= window.Ticks && !fact.IsCreation && fact.Tags.Length > 0)
            {
                return fact;
            }
        }

        return null;
    }

    /// <summary>All resource keys of facts from one event, for tests and reports.</summary>
    public IReadOnlyList<string> ResourcesTaggedBy(string eventId)
    {
        var found = new List<string>();
        foreach (List<TagFact> facts in _byResource.Values)
        {
            foreach (TagFact fact in facts)
            {
                if (fact.EventId == eventId)
                {
                    found.Add(fact.ResourceKey);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The ledger key for an ARN: EC2 resources by their id (CreateTags names ids, not ARNs), others by ARN.</summary>
    public static string KeyOf(string arn)
    {
        if (arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Contains(":ec2:", StringComparison.Ordinal))
        {
            int slash = arn.LastIndexOf('/');
            return slash >= 0 ? arn[(slash + 1)..] : arn;
        }

        return arn;
    }

    private bool TryFind(string resource, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out List<TagFact>? facts) =>
        _byResource.TryGetValue(KeyOf(resource), out facts);

    private static bool SamePrincipal(TagFact fact, string? principal) =>
        principal is not null && string.Equals(fact.Principal, principal, StringComparison.Ordinal);

    private void Add(TagFact fact)
    {
        Count++;
        AddTo(_byResource, fact.ResourceKey, fact);
        if (fact.Principal is not null)
        {
            AddTo(_byPrincipal, fact.Principal, fact);
        }
    }

    private static void AddTo(Dictionary<string, List<TagFact>> map, string key, TagFact fact)
    {
        if (!map.TryGetValue(key, out List<TagFact>? list))
        {
            map[key] = list = [];
        }

        list.Add(fact);
    }

    // In one second (CloudTrail's resolution) a creation comes first: nothing is tagged before it exists.
    private static int ByTime(TagFact a, TagFact b)
    {
        int c = a.Ticks.CompareTo(b.Ticks);
        if (c == 0)
        {
            c = b.IsCreation.CompareTo(a.IsCreation);
        }

        return c != 0 ? c : string.CompareOrdinal(a.EventId, b.EventId);
    }

    private void ThrowIfNotFrozen()
    {
        if (!_frozen)
        {
            throw new InvalidOperationException("Call Freeze() after collecting and merging, before looking up.");
        }
    }

    private static string? Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : null;
}
