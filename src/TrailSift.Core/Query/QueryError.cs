using System.Text;

namespace TrailSift.Core.Query;

/// <summary>
/// A problem found in a filter or field path: the text, the position of the problem and a short reason.
/// <see cref="Render"/> prints the offending line with a caret under the position.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class QueryError
{
    /// <summary>Creates an error at <paramref name="position"/> of <paramref name="text"/>.</summary>
    public QueryError(string text, int position, string message)
    {
        Text = text;
        Position = Math.Clamp(position, 0, text.Length);
        Message = message;
    }

    /// <summary>The whole filter (or field path) the error is about.</summary>
    public string Text { get; }

    /// <summary>Offset in UTF-16 code units of the problem in <see cref="Text"/> (its length at the end).</summary>
    public int Position { get; }

    /// <summary>Offset in bytes of the problem in the UTF-8 encoding of <see cref="Text"/>.</summary>
    public int ByteOffset => Encoding.UTF8.GetByteCount(Text.AsSpan(0, Position));

    /// <summary>A short reason, without the position.</summary>
    public string Message { get; }

    /// <summary>One-based line of <see cref="Position"/>.</summary>
    public int Line
    {
        get
        {
            int line = 1;
            for (int i = 0; i < Position; i++)
            {
                if (Text[i] == '\n')
                {
                    line++;
                }
            }

            return line;
        }
    }

    /// <summary>One-based column of <see cref="Position"/> (in characters) within its line.</summary>
    public int Column => Position - LineStart() + 1;

    /// <summary>
    /// Renders the line holding the error, then a caret line whose caret sits under the position,
    /// followed by the reason: <c>"select(.a == )\n             ^ expected a value"</c>.
    /// </summary>
    public string Render()
    {
        int start = LineStart();
        int end = Text.IndexOf('\n', start);
        if (end < 0)
        {
            end = Text.Length;
        }

        string line = Text[start..end].TrimEnd('\r');
        var sb = new StringBuilder(line.Length * 2 + Message.Length + 4);
        sb.Append(line).Append('\n').Append(CaretLine()).Append(' ').Append(Message);
        return sb.ToString();
    }

    /// <summary>The caret line alone: blanks (tabs kept so the caret lines up) then <c>^</c>.</summary>
    public string CaretLine()
    {
        int start = LineStart();
        var sb = new StringBuilder(Position - start + 1);
        for (int i = start; i < Position; i++)
        {
            char c = Text[i];
            if (char.IsLowSurrogate(c))
            {
                continue; // one column per code point
            }

            sb.Append(c == '\t' ? '\t' : ' ');
        }

        return sb.Append('^').ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Message} (at offset {Position})";

    private int LineStart()
    {
        int nl = Position == 0 ? -1 : Text.LastIndexOf('\n', Position - 1);
        return nl + 1;
    }
}
