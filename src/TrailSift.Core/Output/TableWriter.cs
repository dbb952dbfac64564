using System.Text;

namespace TrailSift.Core.Output;

/// <summary>
/// Writes rows as aligned columns (optionally with a bold header) or as RFC 4180 CSV. Table cells are escaped for
/// the terminal (<see cref="TerminalText"/>, line feeds included) and padded by display width.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class TableWriter
{
    /// <summary>Writes an aligned table; the last column is not padded.</summary>
    public static void WriteTable(TextWriter output, IReadOnlyList<string> headers, IEnumerable<string[]> rows, bool color)
    {
        output = TerminalTextWriter.Guard(output, color);
        var list = rows as IReadOnlyList<string[]> ?? rows.ToList();
        int[] widths = new int[headers.Count];
        for (int i = 0; i < headers.Count; i++)
        {
            widths[i] = TerminalText.DisplayWidth(Clean(headers[i]));
        }

        foreach (string[] row in list)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], TerminalText.DisplayWidth(Clean(row[i])));
            }
        }

        var sb = new StringBuilder();
        if (color)
        {
            sb.Append(TerminalText.Bold);
        }

        AppendRow(sb, headers, widths);
        if (color)
        {
            sb.Append(TerminalText.Reset);
        }

        output.WriteLine(sb.ToString());
        foreach (string[] row in list)
        {
            sb.Clear();
            AppendRow(sb, row, widths);
            output.WriteLine(sb.ToString());
        }
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells, int[] widths)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            string cell = Clean(cells[i]);
            sb.Append(cell);
            if (i < cells.Count - 1)
            {
                sb.Append(' ', widths[i] - TerminalText.DisplayWidth(cell) + 2);
            }
        }

        // Trailing spaces come from empty last cells only.
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
    }

    // Table cells are one line each: control characters would break the layout (and reach the terminal).
    private static string Clean(string cell) => TerminalText.Escape(cell, singleLine: true);

    /// <summary>Writes one CSV line.</summary>
    public static void WriteCsvLine(TextWriter output, IReadOnlyList<string> cells)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }

            string c = cells[i];
            if (c.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                output.Write('"');
                output.Write(c.Replace("\"", "\"\"", StringComparison.Ordinal));
                output.Write('"');
            }
            else
            {
                output.Write(c);
            }
        }

        output.Write('\n');
    }
}
