namespace TrailSift.Core.Output.Usage;

/// <summary>
/// A line diff (longest common subsequence) for showing the current policies beside the reduced one. Beyond
/// <see cref="MaxCells"/> comparisons it gives up the alignment and shows every old line removed and every new one added.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class LineDiff
{
    /// <summary>The largest old × new line product aligned (memory: one int per cell).</summary>
    public const long MaxCells = 4_000_000;

    /// <summary>The lines with their kind: <c>' '</c> kept, <c>'-'</c> only in the old text, <c>'+'</c> only in the new one.</summary>
    public static List<(char Kind, string Line)> Diff(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        int n = before.Count, m = after.Count;
        var result = new List<(char, string)>(n + m);
        if ((long)n * m > MaxCells)
        {
            result.AddRange(before.Select(static l => ('-', l)));
            result.AddRange(after.Select(static l => ('+', l)));
            return result;
        }

        // lcs[i, j]: the longest common subsequence of before[i..] and after[j..].
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(before[i], after[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (string.Equals(before[a], after[b], StringComparison.Ordinal))
            {
                result.Add((' ', before[a++]));
                b++;
            }
            else if (lcs[a + 1, b] >= lcs[a, b + 1])
            {
                result.Add(('-', before[a++]));
            }
            else
            {
                result.Add(('+', after[b++]));
            }
        }

        while (a < n)
        {
            result.Add(('-', before[a++]));
        }

        while (b < m)
        {
            result.Add(('+', after[b++]));
        }

        return result;
    }
}
