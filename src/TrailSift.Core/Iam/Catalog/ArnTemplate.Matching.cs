using System.Diagnostics.CodeAnalysis;

namespace TrailSift.Core.Iam.Catalog;

// Matching a concrete ARN against the template, with or without capturing the variables.
public sealed partial class ArnTemplate
{
    // Templates have at most a dozen segments, so captures fit on the stack.
    private const int MaxStackSegments = 64;

    /// <summary>Whether <paramref name="arn"/> fits the template (see the matching rules on the type).</summary>
    public bool Matches(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return Matches(arn.AsSpan());
    }

    /// <summary>Whether <paramref name="arn"/> fits the template, without allocating.</summary>
    public bool Matches(ReadOnlySpan<char> arn)
    {
        foreach (ArnTemplate form in _alternatives)
        {
            if (form.Matches(arn))
            {
                return true;
            }
        }

        return _alternatives.Length == 0 && MatchFrom(0, arn, 0, default, loose: false);
    }

    /// <summary>
    /// Like <see cref="Matches(ReadOnlySpan{char})"/>, but a variable that ends the template may take any
    /// remaining text, so a qualified ARN (<c>function:name:alias</c>) still fits <c>function:${FunctionName}</c>.
    /// Used as a fallback when no resource type fits strictly.
    /// </summary>
    internal bool MatchesLoosely(ReadOnlySpan<char> arn)
    {
        foreach (ArnTemplate form in _alternatives)
        {
            if (form.MatchesLoosely(arn))
            {
                return true;
            }
        }

        return _alternatives.Length == 0 && MatchFrom(0, arn, 0, default, loose: true);
    }

    /// <summary>
    /// Matches <paramref name="arn"/> and returns each variable's text (case-insensitive names). When a variable
    /// occurs twice, the first occurrence's text is returned.
    /// </summary>
    public bool TryExtract(string arn, [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? variables)
    {
        foreach (ArnTemplate form in _alternatives)
        {
            if (form.TryExtract(arn, out variables))
            {
                return true;
            }
        }

        if (_alternatives.Length > 0)
        {
            variables = null;
            return false;
        }

        ArgumentNullException.ThrowIfNull(arn);
        variables = null;
        Span<int> ends = _segments.Length <= MaxStackSegments ? stackalloc int[_segments.Length] : new int[_segments.Length];
        if (!MatchFrom(0, arn, 0, ends, loose: false))
        {
            return false;
        }

        var values = new Dictionary<string, string>(Variables.Length, StringComparer.OrdinalIgnoreCase);
        int start = 0;
        for (int s = 0; s < _segments.Length; s++)
        {
            if (_segments[s].Kind == ArnSegmentKind.Variable)
            {
                values.TryAdd(_segments[s].Text, arn[start..ends[s]]);
            }

            start = ends[s];
        }

        variables = values;
        return true;
    }

    // Backtracking over segments: a variable tries the shortest extent first, so it stops at the first place
    // the rest of the template fits. `ends`, when not empty, receives each segment's end offset.
    private bool MatchFrom(int index, ReadOnlySpan<char> arn, int position, Span<int> ends, bool loose)
    {
        if (index == _segments.Length)
        {
            return position == arn.Length;
        }

        ArnTemplateSegment segment = _segments[index];
        if (segment.Kind == ArnSegmentKind.Literal)
        {
            string literal = segment.Text;
            if (!arn[position..].StartsWith(literal, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return Record(ends, index, position + literal.Length) && MatchFrom(index + 1, arn, position + literal.Length, ends, loose);
        }

        bool isLast = index == _segments.Length - 1;
        if (isLast && loose)
        {
            return arn.Length > position && Record(ends, index, arn.Length);
        }

        int limit = position + segment.Extent(arn[position..]);
        int shortest = segment.Kind == ArnSegmentKind.Variable ? position + 1 : position;
        if (isLast)
        {
            return limit == arn.Length && shortest <= limit && Record(ends, index, limit);
        }

        // A literal next can only start where its first character is (ignoring case): the other ends need no try.
        ArnTemplateSegment next = _segments[index + 1];
        bool literalNext = next.Kind == ArnSegmentKind.Literal && next.Text.Length > 0;
        char first = literalNext ? next.Text[0] : default;
        for (int end = shortest; end <= limit; end++)
        {
            if ((!literalNext || MayStart(arn, end, first)) && Record(ends, index, end) && MatchFrom(index + 1, arn, end, ends, loose))
            {
                return true;
            }
        }

        return false;
    }

    // Whether a literal starting with `first` may start at `position`: false only when the character there is ASCII
    // and differs from `first` ignoring case (so StartsWith with OrdinalIgnoreCase would fail); true for the rest.
    private static bool MayStart(ReadOnlySpan<char> arn, int position, char first)
    {
        if (position >= arn.Length)
        {
            return false;
        }

        char c = arn[position];
        return c == first || c >= 0x80 || first >= 0x80 || (char.IsAsciiLetter(first) && (c | 0x20) == (first | 0x20));
    }

    private static bool Record(Span<int> ends, int index, int end)
    {
        if (!ends.IsEmpty)
        {
            ends[index] = end;
        }

        return true;
    }
}
