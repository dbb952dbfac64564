using System.Text;

namespace TrailSift.Core.Output;

/// <summary>
/// A text writer for a terminal (or a file a person reads): every control character, escape sequence start and
/// bidirectional override in the text is written escaped (<see cref="TerminalText"/>); line feeds pass. The
/// printer's own style markers (<see cref="TerminalText.Bold"/>, ...) become SGR sequences when
/// <paramref name="color"/> is on and are dropped otherwise; the cursor markers are always translated.
/// </summary>
/// <remarks>Not thread-safe (like the writer it wraps). Disposing does not dispose the inner writer.</remarks>
public sealed class TerminalTextWriter(TextWriter inner, bool color) : TextWriter(inner.FormatProvider)
{
    private readonly StringBuilder _escaped = new();

    /// <summary>Wraps <paramref name="writer"/> unless it is already a terminal text writer.</summary>
    public static TextWriter Guard(TextWriter writer, bool color) =>
        writer as TerminalTextWriter ?? new TerminalTextWriter(writer, color);

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <inheritdoc />
    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        Write(value.AsSpan());
        inner.WriteLine();
    }

    /// <inheritdoc />
    public override void WriteLine() => inner.WriteLine();

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            int i = IndexOfSpecial(buffer);
            if (i < 0)
            {
                inner.Write(buffer);
                return;
            }

            inner.Write(buffer[..i]);
            char c = buffer[i];
            if (TerminalText.IsMarker(c))
            {
                if (color || !TerminalText.IsStyle(c))
                {
                    inner.Write(TerminalText.SequenceOf(c));
                }
            }
            else
            {
                _escaped.Clear();
                TerminalText.AppendEscaped(_escaped, c);
                inner.Write(_escaped);
            }

            buffer = buffer[(i + 1)..];
        }
    }

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync() => inner.FlushAsync();

    private static int IndexOfSpecial(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((c < ' ' || c >= '\u007f') && TerminalText.IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }
}
