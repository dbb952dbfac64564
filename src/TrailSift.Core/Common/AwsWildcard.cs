namespace TrailSift.Core.Common;

/*! Common: tiny primitives used by every layer (the AWS wildcard matcher, ARN parsing). Depends on the
    BCL only. */

/// <summary>
/// Matches text against an IAM-style pattern in which <c>*</c> stands for any run of characters (including
/// none) and <c>?</c> for exactly one character; every other character is literal. This is the matching that
/// IAM applies to <c>Action</c>, <c>Resource</c> and the <c>StringLike</c> family of condition operators.
/// </summary>
/// <remarks>Stateless and allocation-free; safe to call from any thread.</remarks>
public static class AwsWildcard
{
    /// <summary>Matches <paramref name="text"/> against <paramref name="pattern"/>, comparing characters ordinally.</summary>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => Match(pattern, text, ignoreCase: false);

    /// <summary>
    /// Matches <paramref name="text"/> against <paramref name="pattern"/>, ignoring case (invariant upper-casing),
    /// as IAM does for action names.
    /// </summary>
    public static bool IsMatchIgnoreCase(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => Match(pattern, text, ignoreCase: true);

    /// <summary>Whether <paramref name="pattern"/> contains <c>*</c> or <c>?</c>.</summary>
    public static bool ContainsWildcard(ReadOnlySpan<char> pattern) => pattern.IndexOfAny('*', '?') >= 0;

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool ignoreCase)
    {
        // Greedy scan that remembers the last '*' and, on a mismatch, lets that star absorb one more character.
        // Linear in practice and O(n*m) in the worst case, with no recursion and no allocation.
        int p = 0, t = 0, star = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length)
            {
                char c = pattern[p];
                if (c == '*')
                {
                    star = p++;
                    starText = t;
                    continue;
                }

                if (c == '?' || Same(c, text[t], ignoreCase))
                {
                    p++;
                    t++;
                    continue;
                }
            }

            if (star < 0)
            {
                return false;
            }

            p = star + 1;
            t = ++starText;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase)
    {
        if (a == b)
        {
            return true;
        }

        if (!ignoreCase)
        {
            return false;
        }

        // ASCII fast path; other characters go through invariant upper-casing.
        if ((a | b) < 0x80)
        {
            return (uint)((a | 0x20) - 'a') <= 'z' - 'a' && (a | 0x20) == (b | 0x20);
        }

        return char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
    }
}
