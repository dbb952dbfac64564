namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>
/// IAM wildcard matching (<c>*</c> any run, <c>?</c> one character) without regular expressions, in linear
/// time for typical patterns (greedy with one backtrack point). Two private-use characters stand for a
/// literal <c>*</c> and <c>?</c>, which is how policy variables <c>${*}</c> and <c>${?}</c> and substituted
/// values are kept from acting as wildcards. In pattern mode the text is itself a pattern (a request for
/// "every object under a prefix"): a text <c>*</c> can only be covered by a pattern <c>*</c>, so a match means
/// the pattern covers every string the text pattern stands for. Stateless; thread-safe.
/// </summary>
/// <remarks>Kept internal and named apart from Common's matcher so the lead can unify the two.</remarks>
internal static class WildcardMatch
{
    /// <summary>Stands for a literal <c>*</c> in a resolved pattern.</summary>
    public const char LiteralStar = '\uE000';

    /// <summary>Stands for a literal <c>?</c> in a resolved pattern.</summary>
    public const char LiteralQuestion = '\uE001';

    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool ignoreCase, bool textIsPattern = false)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length)
            {
                char pc = pattern[p];
                if (pc == '*')
                {
                    starP = p++;
                    starT = t;
                    continue;
                }

                if (CharMatches(pc, text[t], ignoreCase, textIsPattern))
                {
                    p++;
                    t++;
                    continue;
                }
            }

            if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
                continue;
            }

            return false;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>
    /// True when some string matches both patterns (<c>*</c> any run, <c>?</c> one character, in either): a request
    /// pattern and a policy pattern that share at least one resource. Dynamic programming over both positions,
    /// O(|a|·|b|); policies and requests are short.
    /// </summary>
    public static bool Intersects(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool ignoreCase)
    {
        // reach[i, j]: some string takes a[..i] and b[..j] to the same point.
        int width = b.Length + 1;
        Span<bool> reach = (a.Length + 1) * width <= 4096 ? stackalloc bool[(a.Length + 1) * width] : new bool[(a.Length + 1) * width];
        reach[0] = true;
        for (int i = 0; i <= a.Length; i++)
        {
            for (int j = 0; j <= b.Length; j++)
            {
                if (!reach[(i * width) + j])
                {
                    continue;
                }

                bool aStar = i < a.Length && a[i] == '*';
                bool bStar = j < b.Length && b[j] == '*';
                if (aStar)
                {
                    reach[((i + 1) * width) + j] = true; // the star matches nothing more
                    if (j < b.Length)
                    {
                        reach[(i * width) + j + 1] = true; // the star swallows b's next symbol (a character, ? or *)
                    }
                }

                if (bStar)
                {
                    reach[(i * width) + j + 1] = true;
                    if (i < a.Length)
                    {
                        reach[((i + 1) * width) + j] = true;
                    }
                }

                if (!aStar && !bStar && i < a.Length && j < b.Length && SymbolsMeet(a[i], b[j], ignoreCase))
                {
                    reach[((i + 1) * width) + j + 1] = true;
                }
            }
        }

        return reach[(a.Length * width) + b.Length];
    }

    private static bool SymbolsMeet(char x, char y, bool ignoreCase)
    {
        if (x == '?' || y == '?')
        {
            return true;
        }

        char lx = x == LiteralStar ? '*' : x == LiteralQuestion ? '?' : x;
        char ly = y == LiteralStar ? '*' : y == LiteralQuestion ? '?' : y;
        return lx == ly || (ignoreCase && char.ToLowerInvariant(lx) == char.ToLowerInvariant(ly));
    }

    /// <summary>True when the text holds a wildcard character.</summary>
    public static bool HasWildcard(ReadOnlySpan<char> text) => text.IndexOfAny('*', '?') >= 0;

    private static bool CharMatches(char pc, char tc, bool ignoreCase, bool textIsPattern)
    {
        if (textIsPattern && (tc == '*' || tc == '?'))
        {
            // A request wildcard is covered only by a pattern wildcard at least as broad.
            return pc == '?' && tc == '?';
        }

        if (pc == '?')
        {
            return true;
        }

        if (pc == LiteralStar)
        {
            return tc == '*';
        }

        if (pc == LiteralQuestion)
        {
            return tc == '?';
        }

        if (pc == tc)
        {
            return true;
        }

        if (!ignoreCase)
        {
            return false;
        }

        if ((pc | tc) < 128)
        {
            int folded = pc | 0x20;
            return folded == (tc | 0x20) && (uint)(folded - 'a') <= 'z' - 'a';
        }

        return char.ToLowerInvariant(pc) == char.ToLowerInvariant(tc);
    }
}
