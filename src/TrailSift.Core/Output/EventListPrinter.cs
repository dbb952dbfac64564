using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Output;

/// <summary>
/// Prints the events a condition selected when they are collected first (<c>query --format table|csv</c>, or
/// <c>--sort time</c>): as a table or CSV of their columns, or as JSON, one event per line or indented.
/// </summary>
public static class EventListPrinter
{
    /// <summary>Writes <paramref name="rows"/> as a table (nothing when there are none) or as CSV with a header line.</summary>
    public static void WriteRows(TextWriter writer, EventFormat format, IReadOnlyList<string> headers, IReadOnlyList<CollectedRow> rows, bool color)
    {
        if (format == EventFormat.Table)
        {
            if (rows.Count > 0)
            {
                TableWriter.WriteTable(writer, headers, rows.Select(r => r.Cells), color);
            }

            return;
        }

        TableWriter.WriteCsvLine(writer, headers);
        foreach (CollectedRow row in rows)
        {
            TableWriter.WriteCsvLine(writer, row.Cells);
        }
    }

    /// <summary>
    /// Writes <paramref name="events"/> in order, indented when <paramref name="indented"/> (<c>--format json</c>) and
    /// compact otherwise, each followed by <paramref name="separator"/>.
    /// </summary>
    public static void WriteEvents(OrderedWriter writer, IReadOnlyList<CollectedEvent> events, bool indented, ReadOnlySpan<byte> separator)
    {
        writer.Begin(0);
        using var record = new EventRecord();
        foreach (CollectedEvent e in events)
        {
            record.Load(e.Utf8, 0, e.Utf8.Length);
            if (indented)
            {
                JsonNodeWriter.WriteIndented(record.Root, writer);
            }
            else
            {
                JsonNodeWriter.WriteCompact(record.Root, writer);
            }

            JsonNodeWriter.Put(writer, separator);
        }

        writer.End();
    }
}
