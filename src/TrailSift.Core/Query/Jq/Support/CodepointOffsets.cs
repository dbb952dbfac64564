namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// Converts UTF-16 indices of one string to code point offsets (jq counts string positions in code points). Walks
/// from the last conversion, so nearby indices, as regex matches and their captures produce, cost O(n) in total.
/// </summary>
public sealed class CodepointOffsets
{
    private readonly string _text;
    private int _utf16;
    private int _codepoints;

    /// <summary>Creates a converter for <paramref name="text"/>.</summary>
    public CodepointOffsets(string text) => _text = text;

    /// <summary>The code point offset of UTF-16 index <paramref name="utf16Index"/> (0..Length).</summary>
    public int ToCodepoints(int utf16Index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, _text.Length);
        while (_utf16 > utf16Index)
        {
            _utf16 -= _utf16 >= 2 && char.IsLowSurrogate(_text[_utf16 - 1]) && char.IsHighSurrogate(_text[_utf16 - 2]) ? 2 : 1;
            _codepoints--;
        }

        while (_utf16 < utf16Index)
        {
            _utf16 += char.IsHighSurrogate(_text[_utf16]) && _utf16 + 1 < _text.Length && char.IsLowSurrogate(_text[_utf16 + 1]) ? 2 : 1;
            _codepoints++;
        }

        // An index inside a surrogate pair counts the pair as passed, as jq does for a byte inside a character.
        return _codepoints;
    }

    /// <summary>The number of code points in <paramref name="text"/>.</summary>
    public static int Count(string text)
    {
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                n++;
            }
        }

        return n;
    }
}
