namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>
/// The positions of the first five colons of an ARN-shaped string, splitting it into
/// <c>arn</c>, partition, service, region, account and the resource part (which may hold more colons).
/// An immutable value; thread-safe.
/// </summary>
internal readonly struct ArnSegments
{
    private readonly int _c1, _c2, _c3, _c4, _c5;

    private ArnSegments(int c1, int c2, int c3, int c4, int c5)
    {
        (_c1, _c2, _c3, _c4, _c5) = (c1, c2, c3, c4, c5);
        IsValid = true;
    }

    /// <summary>True when the string had at least five colons.</summary>
    public bool IsValid { get; }

    public static ArnSegments Split(ReadOnlySpan<char> text)
    {
        Span<int> colons = stackalloc int[5];
        int found = 0;
        for (int i = 0; i < text.Length && found < 5; i++)
        {
            if (text[i] == ':')
            {
                colons[found++] = i;
            }
        }

        return found == 5 ? new ArnSegments(colons[0], colons[1], colons[2], colons[3], colons[4]) : default;
    }

    /// <summary>Segment 0–4 (arn, partition, service, region, account) or 5 (the resource part).</summary>
    public ReadOnlySpan<char> Segment(ReadOnlySpan<char> text, int index) => index switch
    {
        0 => text[.._c1],
        1 => text[(_c1 + 1).._c2],
        2 => text[(_c2 + 1).._c3],
        3 => text[(_c3 + 1).._c4],
        4 => text[(_c4 + 1).._c5],
        _ => text[(_c5 + 1)..],
    };

    /// <summary>Matches an ARN pattern against an ARN segment by segment; wildcards never cross a colon
    /// in the first five segments, and span anything (colons too) in the resource part.</summary>
    public static bool MatchBySegment(ReadOnlySpan<char> pattern, ArnSegments patternSegments, ReadOnlySpan<char> text,
        ArnSegments textSegments, bool ignoreCaseInPrefix, bool textIsPattern)
    {
        for (int i = 0; i < 5; i++)
        {
            if (!WildcardMatch.IsMatch(patternSegments.Segment(pattern, i), textSegments.Segment(text, i), ignoreCaseInPrefix, textIsPattern))
            {
                return false;
            }
        }

        return WildcardMatch.IsMatch(patternSegments.Segment(pattern, 5), textSegments.Segment(text, 5), ignoreCase: false, textIsPattern);
    }
}
