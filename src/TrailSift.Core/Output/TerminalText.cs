using System.Globalization;
using System.Text;

namespace TrailSift.Core.Output;

/// <summary>
/// Makes text from logs safe for a terminal: C0 and C1 control characters, DEL and bidirectional overrides are
/// shown escaped (<c>\x1b</c>, <c>\u009b</c>, <c>\u202e</c>), never sent; widths are counted in terminal columns
/// (East Asian wide characters take two, combining marks none). Printers colour text with the style markers
/// below, which <see cref="TerminalTextWriter"/> turns into SGR sequences (or drops when colour is off).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class TerminalText
{
    // Style markers are Unicode noncharacters (U+FDD0..U+FDEF, reserved for a program's internal use):
    // a printer writes them, the writer translates them. Escape() escapes them in content.
    private const char FirstMarker = '\uFDD0', LastMarker = '\uFDD9';

    /// <summary>Ends a style.</summary>
    public const string Reset = "\uFDD0";

    /// <summary>Bold.</summary>
    public const string Bold = "\uFDD1";

    /// <summary>Dim.</summary>
    public const string Dim = "\uFDD2";

    /// <summary>Red.</summary>
    public const string Red = "\uFDD3";

    /// <summary>Green.</summary>
    public const string Green = "\uFDD4";

    /// <summary>Yellow.</summary>
    public const string Yellow = "\uFDD5";

    /// <summary>Magenta.</summary>
    public const string Magenta = "\uFDD6";

    /// <summary>Cyan.</summary>
    public const string Cyan = "\uFDD7";

    /// <summary>Back to the start of the line (a progress line redraws itself); written even without colour.</summary>
    public const string LineStart = "\uFDD8";

    /// <summary>Erases to the end of the line; written even without colour.</summary>
    public const string ClearToEnd = "\uFDD9";

    private static readonly string[] Sequences =
        ["\u001b[0m", "\u001b[1m", "\u001b[2m", "\u001b[31m", "\u001b[32m", "\u001b[33m", "\u001b[35m", "\u001b[36m", "\r", "\u001b[K"];

    /// <summary>True for a character that must not reach a terminal as is (line feeds excepted).</summary>
    public static bool IsUnsafe(char c) =>
        c < ' ' && c != '\n' || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069'
        || c is >= FirstMarker and <= '\uFDEF';

    /// <summary>True for a character that must not reach a terminal as is, line feeds included (table cells are one line).</summary>
    public static bool IsUnsafeInCell(char c) => c == '\n' || IsUnsafe(c);

    /// <summary>The text with every unsafe character escaped; <paramref name="singleLine"/> escapes line feeds too.</summary>
    public static string Escape(string text, bool singleLine = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = IndexOfUnsafe(text, singleLine);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (singleLine ? IsUnsafeInCell(c) : IsUnsafe(c))
            {
                AppendEscaped(sb, c);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Appends the escaped form of <paramref name="c"/>: <c>\xNN</c> below U+0080, <c>\uNNNN</c> above.</summary>
    public static void AppendEscaped(StringBuilder sb, char c)
    {
        ArgumentNullException.ThrowIfNull(sb);
        if (c < '\u0080')
        {
            sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Index of the first unsafe character, or -1.</summary>
    public static int IndexOfUnsafe(ReadOnlySpan<char> text, bool singleLine = false)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if ((c < ' ' || c >= '\u007f') && (singleLine ? IsUnsafeInCell(c) : IsUnsafe(c)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True for a style or cursor marker.</summary>
    internal static bool IsMarker(char c) => c is >= FirstMarker and <= LastMarker;

    /// <summary>The terminal sequence of a marker.</summary>
    internal static string SequenceOf(char marker) => Sequences[marker - FirstMarker];

    /// <summary>True for a style marker (dropped without colour); false for the cursor markers.</summary>
    internal static bool IsStyle(char marker) => marker < '\uFDD8';

    /// <summary>Columns the text takes on a terminal: wide characters count two, combining marks and markers none.</summary>
    public static int DisplayWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int width = 0;
        foreach (Rune r in text.EnumerateRunes())
        {
            width += RuneWidth(r);
        }

        return width;
    }

    /// <summary>The text padded with spaces to <paramref name="columns"/> display columns.</summary>
    public static string PadRight(string text, int columns)
    {
        int pad = columns - DisplayWidth(text);
        return pad > 0 ? text + new string(' ', pad) : text;
    }

    /// <summary>Columns one character takes: 0, 1 or 2.</summary>
    public static int RuneWidth(Rune r)
    {
        int v = r.Value;
        if (v < 0x300)
        {
            return v < 0x20 || v is >= 0x7f and < 0xa0 ? 0 : 1;
        }

        if (v is >= FirstMarker and <= LastMarker)
        {
            return 0;
        }

        UnicodeCategory cat = Rune.GetUnicodeCategory(r);
        if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        return IsWide(v) ? 2 : 1;
    }

    // East Asian Wide (W) and Fullwidth (F) blocks of Unicode's EastAsianWidth.txt, plus the emoji blocks that
    // terminals draw two columns wide.
    private static bool IsWide(int v) =>
        v is >= 0x1100 and <= 0x115F
        or >= 0x231A and <= 0x231B
        or >= 0x2329 and <= 0x232A
        or >= 0x23E9 and <= 0x23EC
        or >= 0x25FD and <= 0x25FE
        or >= 0x2614 and <= 0x2615
        or >= 0x2E80 and <= 0x303E
        or >= 0x3041 and <= 0x33FF
        or >= 0x3400 and <= 0x4DBF
        or >= 0x4E00 and <= 0x9FFF
        or >= 0xA000 and <= 0xA4CF
        or >= 0xA960 and <= 0xA97F
        or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF
        or >= 0xFE10 and <= 0xFE19
        or >= 0xFE30 and <= 0xFE6F
        or >= 0xFF00 and <= 0xFF60
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x16FE0 and <= 0x18CFF
        or >= 0x1B000 and <= 0x1B2FF
        or >= 0x1F300 and <= 0x1F64F
        or >= 0x1F900 and <= 0x1F9FF
        or >= 0x1FA70 and <= 0x1FAFF
        or >= 0x20000 and <= 0x3FFFD;
}
