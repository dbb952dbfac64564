using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Shortcuts;

/// <summary>How a shortcut compares a field with its values.</summary>
public enum TextMatch
{
    /// <summary>Equal, ASCII case-insensitive.</summary>
    EqualsIgnoreCase,

    /// <summary>Contains, ASCII case-insensitive.</summary>
    ContainsIgnoreCase,
}

/// <summary>
/// Selects events whose top-level field equals (or contains) one of several values:
/// <c>--event</c>, <c>--source</c>, <c>--agent</c>, <c>--region</c>, <c>--error CODE</c>.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class FieldValuePredicate : IEventPredicate
{
    private readonly Func<EventRecord, JsonNode> _field;
    private readonly byte[][] _values;
    private readonly TextMatch _match;

    /// <summary>Creates the predicate.</summary>
    public FieldValuePredicate(Func<EventRecord, JsonNode> field, IEnumerable<string> values, TextMatch match)
    {
        _field = field;
        _values = [.. values.Select(NodeText.Utf8)];
        _match = match;
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record)
    {
        JsonNode node = _field(record);
        foreach (byte[] v in _values)
        {
            if (_match == TextMatch.EqualsIgnoreCase ? NodeText.Equals(node, v, true) : NodeText.Contains(node, v, true))
            {
                return true;
            }
        }

        return false;
    }
}
