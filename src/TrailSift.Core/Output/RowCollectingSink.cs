using TrailSift.Core.Events;

namespace TrailSift.Core.Output;

/// <summary>Collects one text row per selected event (for the table and CSV formats), remembering where it came from so rows can be put back in input order.</summary>
/// <remarks>Not thread-safe: one per scan worker; merge with <see cref="MergeInOrder"/>.</remarks>
public sealed class RowCollectingSink : IEventSink, ISequencedSink
{
    private readonly IReadOnlyList<EventColumn> _columns;
    private readonly List<CollectedRow> _rows = [];
    private int _sequence;

    /// <summary>Creates the sink.</summary>
    public RowCollectingSink(IReadOnlyList<EventColumn> columns)
    {
        _columns = columns;
    }

    /// <inheritdoc />
    public void BeginObject(int sequence, string path) => _sequence = sequence;

    /// <inheritdoc />
    public void EndObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        var cells = new string[_columns.Count];
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = _columns[i].Read(record);
        }

        _rows.Add(new CollectedRow(_sequence, record.Ordinal, record.EventTimeTicks ?? long.MinValue, cells));
    }

    /// <summary>All rows of all workers in input order (or by event time when <paramref name="byTime"/>; ties keep input order).</summary>
    public static List<CollectedRow> MergeInOrder(IEnumerable<RowCollectingSink> sinks, bool byTime)
    {
        var all = new List<CollectedRow>();
        foreach (RowCollectingSink s in sinks)
        {
            all.AddRange(s._rows);
        }

        all.Sort((a, b) =>
        {
            int c = byTime ? a.TimeTicks.CompareTo(b.TimeTicks) : 0;
            if (c == 0)
            {
                c = a.Sequence.CompareTo(b.Sequence);
            }

            return c != 0 ? c : a.Ordinal.CompareTo(b.Ordinal);
        });
        return all;
    }
}

/// <summary>One collected row.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CollectedRow(int Sequence, long Ordinal, long TimeTicks, string[] Cells);
