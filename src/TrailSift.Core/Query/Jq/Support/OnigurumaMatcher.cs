using System.Globalization;
using System.Text.RegularExpressions;

namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// jq 1.7.1's <c>f_match</c> loop on a translated regex. jq searches UTF-8 bytes: after an empty match it resumes one
/// BYTE later, so before a multi-byte character it also searches at the positions inside that character, where
/// Oniguruma reads the remaining continuation bytes as characters. This class reproduces that by
/// searching copies of the input in which those bytes stand as U+FFFF.
/// </summary>
internal static class OnigurumaMatcher
{
    public static IReadOnlyList<JqRegexMatch> Matches(OnigurumaRegexResult compiled, string input, bool global)
    {
        Regex regex = RegexTimeouts.Current(compiled.Regex ?? throw new InvalidOperationException("The regex did not compile: " + compiled.Error));
        var names = compiled.GroupNames;
        var offsets = new CodepointOffsets(input);
        var result = new List<JqRegexMatch>();
        int pos = 0;
        while (pos <= input.Length)
        {
            System.Text.RegularExpressions.Match m = regex.Match(input, pos);
            if (!m.Success)
            {
                break;
            }

            if (m.Length > 0)
            {
                result.Add(FullMatch(m, names, offsets));
                if (!global)
                {
                    break;
                }

                pos = m.Index + m.Length;
                continue;
            }

            int at = offsets.ToCodepoints(m.Index);
            result.Add(EmptyMatch(at, names));
            if (!global || m.Index >= input.Length)
            {
                break;
            }

            int cp = CharExtensions.ConvertToUtf32IfPair(input, m.Index, out int width);
            int next = m.Index + width;
            SearchInsideCharacter(regex, input, m.Index, cp, next, at + 1, names, result);
            pos = next;
        }

        return result;
    }

    /// <summary>
    /// Searches the byte positions inside the multi-byte character <paramref name="cp"/> (at <paramref name="index"/>)
    /// as jq does after an empty match before it. At such a position Oniguruma sees the whole character behind it and
    /// the remaining continuation bytes ahead; each byte is modelled as <see cref="ContinuationBytes"/> says. Only an empty match exactly there counts (jq reports it at the next character's offset); a
    /// match that consumes a continuation byte cannot be reproduced and is refused.
    /// </summary>
    private static void SearchInsideCharacter(
        Regex regex, string input, int index, int cp, int next, int offsetAfter, IReadOnlyList<string?> names, List<JqRegexMatch> result)
    {
        int length = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        for (int j = 1; j < length; j++)
        {
            string virtualInput = string.Concat(input.AsSpan(0, next), ContinuationBytes(cp, j), input.AsSpan(next));
            System.Text.RegularExpressions.Match m = regex.Match(virtualInput, next);
            if (!m.Success || m.Index != next)
            {
                continue;
            }

            if (m.Length > 0)
            {
                // Note: a consumed stand-in would be a wrong answer, so any non-empty match here is refused.
                throw new NotSupportedException(
                    "jq would return a match starting inside the UTF-8 encoding of U+" + cp.ToString("X4", CultureInfo.InvariantCulture) +
                    " (character " + index.ToString(CultureInfo.InvariantCulture) + " of the string); TrailSift cannot reproduce it");
            }

            result.Add(EmptyMatch(offsetAfter, names));
        }
    }

    /// <summary>
    /// Bytes <paramref name="from"/>.. of the UTF-8 encoding of <paramref name="cp"/> as Oniguruma reads them from
    /// inside the character: each continuation byte as one character. Oniguruma takes bytes AA B2 B3 B5 B9 BA BC BD BE
    /// as word characters (measured on jq 1.7.1 with \b inside Cyrillic letters), which decides \b and \B there; such
    /// a byte stands as the letter U+A7FF, every other one as U+FFFF. A match that consumes one is refused, whatever it stands as.
    /// </summary>
    private static string ContinuationBytes(int cp, int from)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp));
        var chars = new char[utf8.Length - from];
        for (int k = from; k < utf8.Length; k++)
        {
            chars[k - from] = utf8[k] is 0xAA or 0xB2 or 0xB3 or 0xB5 or 0xB9 or 0xBA or 0xBC or 0xBD or 0xBE ? '\uA7FF' : '\uFFFF';
        }

        return new string(chars);
    }

    private static JqRegexMatch EmptyMatch(int offset, IReadOnlyList<string?> names)
    {
        var captures = new JqRegexCapture[names.Count];
        for (int i = 0; i < captures.Length; i++)
        {
            captures[i] = new JqRegexCapture(offset, 0, string.Empty, names[i]);
        }

        return new JqRegexMatch(offset, 0, string.Empty, captures);
    }

    private static JqRegexMatch FullMatch(System.Text.RegularExpressions.Match m, IReadOnlyList<string?> names, CodepointOffsets offsets)
    {
        int start = offsets.ToCodepoints(m.Index);
        int end = offsets.ToCodepoints(m.Index + m.Length);
        var captures = new JqRegexCapture[names.Count];
        for (int i = 0; i < captures.Length; i++)
        {
            Group g = m.Groups["g" + (i + 1).ToString(CultureInfo.InvariantCulture)];
            if (!g.Success)
            {
                captures[i] = new JqRegexCapture(-1, 0, null, names[i]);
                continue;
            }

            int gs = offsets.ToCodepoints(g.Index);
            int ge = g.Length == 0 ? gs : offsets.ToCodepoints(g.Index + g.Length);
            captures[i] = new JqRegexCapture(gs, ge - gs, g.Value, names[i]);
        }

        return new JqRegexMatch(start, end - start, m.Value, captures);
    }
}
