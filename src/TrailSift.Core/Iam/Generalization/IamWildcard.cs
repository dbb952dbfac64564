namespace TrailSift.Core.Iam.Generalization;

/// <summary>
/// IAM's resource wildcard match: <c>*</c> matches any run of characters (including <c>/</c> and none at
/// all), <c>?</c> matches one character; everything else compares ordinally (ARNs are case-sensitive).
/// Greedy with single-star backtracking: O(pattern × value) worst case, linear for a trailing <c>*</c>.
/// </summary>
/// <remarks>Stateless; thread-safe. Belongs in Common once that folder exists.</remarks>
internal static class IamWildcard
{
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || (pattern[p] != '*' && pattern[p] == value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    public static bool HasWildcard(ReadOnlySpan<char> text) => text.IndexOfAny('*', '?') >= 0;
}
