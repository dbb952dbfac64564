using System.Text;

namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// Oniguruma's case-insensitive matching applies Unicode's multi-character case foldings (ß ~ ss, ﬁ ~ fi), which
/// .NET's IgnoreCase does not. TrailSift expands the Latin ones in literals (ß, ẞ and the ﬀ..ﬆ ligatures, and the
/// ASCII sequences they fold to) and refuses the others.
/// </summary>
internal static class MultiCharFolds
{
    private static readonly (string Folded, string Sources)[] Latin =
    [
        ("ffi", "\uFB03"), ("ffl", "\uFB04"), ("ss", "\u00DF\u1E9E"), ("st", "\uFB05\uFB06"),
        ("ff", "\uFB00"), ("fi", "\uFB01"), ("fl", "\uFB02"),
    ];

    /// <summary>Code points whose full case folding is several characters (Unicode CaseFolding.txt status F).</summary>
    private static readonly (int Lo, int Hi)[] Sources =
    [
        (0x00DF, 0x00DF), (0x0130, 0x0130), (0x0149, 0x0149), (0x01F0, 0x01F0), (0x0390, 0x0390), (0x03B0, 0x03B0),
        (0x0587, 0x0587), (0x1E96, 0x1E9A), (0x1E9E, 0x1E9E), (0x1F50, 0x1F56), (0x1F80, 0x1FAF), (0x1FB2, 0x1FB4),
        (0x1FB6, 0x1FB7), (0x1FBC, 0x1FBC), (0x1FC2, 0x1FC4), (0x1FC6, 0x1FC7), (0x1FCC, 0x1FCC), (0x1FD2, 0x1FD3),
        (0x1FD6, 0x1FD7), (0x1FE2, 0x1FE4), (0x1FE6, 0x1FE7), (0x1FF2, 0x1FF4), (0x1FF6, 0x1FF7), (0x1FFC, 0x1FFC),
        (0xFB00, 0xFB06), (0xFB13, 0xFB17),
    ];

    /// <summary>True when <paramref name="cp"/> has a multi-character case folding.</summary>
    public static bool IsSource(int cp) => OverlapsSource(cp, cp);

    /// <summary>True when the range holds a code point with a multi-character case folding.</summary>
    public static bool OverlapsSource(int lo, int hi) => Sources.Any(s => s.Lo <= hi && lo <= s.Hi);

    /// <summary>
    /// The case-insensitive regex for a run of literal code points, with the Latin multi-character foldings in both
    /// directions; throws <see cref="OnigurumaTranslationException"/> for the other multi-character foldings.
    /// </summary>
    public static string ExpandRun(IReadOnlyList<int> run, int offset)
    {
        var sb = new StringBuilder();
        for (int k = 0; k < run.Count;)
        {
            int cp = run[k];
            if (IsSource(cp))
            {
                (string folded, string sources) = Latin.FirstOrDefault(l => l.Sources.Contains(char.ConvertFromUtf32(cp), StringComparison.Ordinal));
                if (folded is null)
                {
                    throw new OnigurumaTranslationException(OnigurumaRegexStatus.Unsupported,
                        "a case-insensitive match of U+" + cp.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) +
                        " (a character with a multi-character case folding) (at offset " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the regex) is not supported", offset);
                }

                sb.Append(Alternatives(folded, sources));
                k++;
                continue;
            }

            (string Folded, string Sources) match = default;
            foreach (var l in Latin)
            {
                if (k + l.Folded.Length <= run.Count && Enumerable.Range(0, l.Folded.Length).All(j => run[k + j] < 0x80 && char.ToLowerInvariant((char)run[k + j]) == l.Folded[j]))
                {
                    match = l;
                    break;
                }
            }

            if (match.Folded is not null)
            {
                sb.Append(Alternatives(match.Folded, match.Sources!));
                k += match.Folded.Length;
                continue;
            }

            sb.Append(SimpleCaseFolds.Literal(cp));
            k++;
        }

        return sb.ToString();
    }

    private static string Alternatives(string folded, string sources)
    {
        var sb = new StringBuilder("(?:(?i:").Append(folded).Append(")|[");
        foreach (char s in sources)
        {
            sb.Append("\\u").Append(((int)s).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.Append("])").ToString();
    }
}
