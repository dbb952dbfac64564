using TrailSift.Core.Events;

namespace TrailSift.Core.Analysis.Replay;

// Creation attributes (Events/CreationAttributes): the values a resource was created with (an instance's profile), known
// from its creation in the trail until a call changes them.
public sealed partial class TagLedger
{
    // The earliest profile-association change whose event names no instance (0: none): every attribute is unknown after it.
    private long _unnamedAttributeChange;

    /// <summary>
    /// The creation attributes of <paramref name="resource"/> just before <paramref name="ticks"/> (<c>ec2:InstanceProfile</c>
    /// → its ARN), and the attribute keys known to be absent; both empty when the trail did not show the creation, or a
    /// later call may have changed them.
    /// </summary>
    public (Dictionary<string, string> Values, HashSet<string> Absent) AttributesBefore(string resource, long ticks)
    {
        ThrowIfNotFrozen();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var absent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!TryFind(resource, out List<TagFact>? facts) || (_unnamedAttributeChange != 0 && _unnamedAttributeChange <= ticks))
        {
            return (values, absent);
        }

        foreach (TagFact fact in facts)
        {
            if (fact.Ticks >= ticks)
            {
                break;
            }

            if (fact.IsCreation || fact.ChangesAttributes)
            {
                values.Clear();
                absent.Clear();
            }

            foreach (KeyValuePair<string, string> value in fact.Attributes)
            {
                values[value.Key] = value.Value;
            }

            absent.UnionWith(fact.AbsentAttributes);
        }

        return (values, absent);
    }

    private void AddAttributeChange(EventRecord record, long ticks, string eventId, string eventTime, string name, string? principal)
    {
        bool named = false;
        foreach (string id in CreationAttributes.ChangedResources(record))
        {
            named = true;
            Add(new TagFact(id, ticks, eventId, eventTime, name, principal, [], [], IsCreation: false) { ChangesAttributes = true });
        }

        if (!named)
        {
            NoteUnnamedChange(ticks);
        }
    }

    private void MergeAttributeChanges(TagLedger other)
    {
        if (other._unnamedAttributeChange != 0)
        {
            NoteUnnamedChange(other._unnamedAttributeChange);
        }
    }

    private void NoteUnnamedChange(long ticks) =>
        _unnamedAttributeChange = _unnamedAttributeChange == 0 ? Math.Max(ticks, 1) : Math.Min(_unnamedAttributeChange, Math.Max(ticks, 1));
}
