using System.Globalization;
using System.Text;

namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// An immutable set of Unicode code points (sorted, disjoint, non-adjacent ranges) that prints itself as a .NET regex
/// fragment matching exactly one code point of the set: a UTF-16 class for the BMP and surrogate pairs for the rest.
/// </summary>
internal sealed class CodepointSet
{
    private const int MaxCodepoint = 0x10FFFF;
    private readonly (int Lo, int Hi)[] _ranges;

    private CodepointSet((int Lo, int Hi)[] ranges) => _ranges = ranges;

    /// <summary>The empty set.</summary>
    public static CodepointSet Empty { get; } = new([]);

    /// <summary>Every code point except the surrogates.</summary>
    public static CodepointSet All { get; } = new([(0, 0xD7FF), (0xE000, MaxCodepoint)]);

    /// <summary>The ranges, sorted and merged.</summary>
    public ReadOnlySpan<(int Lo, int Hi)> Ranges => _ranges;

    /// <summary>True when the set has no code point above U+FFFF.</summary>
    public bool IsBmpOnly => _ranges.Length == 0 || _ranges[^1].Hi <= 0xFFFF;

    /// <summary>Builds a set from ranges in any order (overlaps merged).</summary>
    public static CodepointSet FromRanges(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var sorted = ranges.Where(r => r.Lo <= r.Hi).OrderBy(r => r.Lo).ToList();
        var merged = new List<(int Lo, int Hi)>(sorted.Count);
        foreach ((int lo, int hi) in sorted)
        {
            if (merged.Count > 0 && lo <= merged[^1].Hi + 1)
            {
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, hi));
            }
            else
            {
                merged.Add((lo, hi));
            }
        }

        return new CodepointSet([.. merged]);
    }

    /// <summary>A single code point.</summary>
    public static CodepointSet Of(int codepoint) => new([(codepoint, codepoint)]);

    /// <summary>Parses the generated table format: comma-separated hex code points or <c>lo-hi</c> ranges.</summary>
    public static CodepointSet Parse(string hexRanges)
    {
        var list = new List<(int, int)>();
        foreach (string part in hexRanges.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int dash = part.IndexOf('-', StringComparison.Ordinal);
            int lo = int.Parse(dash < 0 ? part : part[..dash], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            int hi = dash < 0 ? lo : int.Parse(part[(dash + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            list.Add((lo, hi));
        }

        return FromRanges(list);
    }

    /// <summary>The union of two sets.</summary>
    public CodepointSet Union(CodepointSet other) => FromRanges(_ranges.Concat(other._ranges));

    /// <summary>Every non-surrogate code point not in this set.</summary>
    public CodepointSet Complement()
    {
        var result = new List<(int, int)>();
        int next = 0;
        foreach ((int lo, int hi) in _ranges)
        {
            if (lo > next)
            {
                result.Add((next, lo - 1));
            }

            next = hi + 1;
        }

        if (next <= MaxCodepoint)
        {
            result.Add((next, MaxCodepoint));
        }

        return FromRanges(result.SelectMany(SplitSurrogates));
    }

    /// <summary>True when <paramref name="codepoint"/> is in the set.</summary>
    public bool Contains(int codepoint)
    {
        int lo = 0, hi = _ranges.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (codepoint < _ranges[mid].Lo)
            {
                hi = mid - 1;
            }
            else if (codepoint > _ranges[mid].Hi)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A .NET regex fragment that matches one code point of the set (a surrogate pair for code points above U+FFFF).
    /// When <paramref name="negate"/> is true, it matches one code point NOT in the set; the BMP part then uses a
    /// negated .NET class so that case-insensitive matching excludes both cases, as Oniguruma does.
    /// </summary>
    public string ToRegex(bool negate = false)
    {
        var bmp = new StringBuilder();
        var astral = new List<(int Lo, int Hi)>();
        foreach ((int lo, int hi) in _ranges)
        {
            if (lo <= 0xFFFF)
            {
                AppendClassRange(bmp, lo, Math.Min(hi, 0xFFFF));
            }

            if (hi > 0xFFFF)
            {
                astral.Add((Math.Max(lo, 0x10000), hi));
            }
        }

        if (negate)
        {
            // Astral code points not in the set, plus one BMP non-surrogate not in the set.
            var astralComplement = Complement().Astral();
            string pairs = PairsRegex(astralComplement);
            string bmpClass = "[^" + bmp + "\\uD800-\\uDFFF]";
            return pairs.Length == 0 ? bmpClass : "(?:" + pairs + "|" + bmpClass + ")";
        }

        string positivePairs = PairsRegex(astral);
        if (bmp.Length == 0)
        {
            return positivePairs.Length == 0 ? "(?!)" : "(?:" + positivePairs + ")";
        }

        return positivePairs.Length == 0 ? "[" + bmp + "]" : "(?:" + positivePairs + "|[" + bmp + "])";
    }

    private List<(int Lo, int Hi)> Astral() =>
        [.. _ranges.Where(r => r.Hi > 0xFFFF).Select(r => (Math.Max(r.Lo, 0x10000), r.Hi))];

    private static IEnumerable<(int, int)> SplitSurrogates((int Lo, int Hi) r)
    {
        if (r.Hi < 0xD800 || r.Lo > 0xDFFF)
        {
            yield return r;
            yield break;
        }

        if (r.Lo < 0xD800)
        {
            yield return (r.Lo, 0xD7FF);
        }

        if (r.Hi > 0xDFFF)
        {
            yield return (0xE000, r.Hi);
        }
    }

    /// <summary>Surrogate-pair alternatives for astral ranges: one per high surrogate, full blocks merged.</summary>
    private static string PairsRegex(List<(int Lo, int Hi)> astral)
    {
        // high surrogate -> low surrogate ranges
        var byHigh = new SortedDictionary<int, List<(int, int)>>();
        foreach ((int lo, int hi) in astral)
        {
            for (int cp = lo; cp <= hi;)
            {
                int high = 0xD800 + ((cp - 0x10000) >> 10);
                int blockEnd = 0x10000 + ((high - 0xD800 + 1) << 10) - 1;
                int end = Math.Min(hi, blockEnd);
                int lowLo = 0xDC00 + ((cp - 0x10000) & 0x3FF), lowHi = 0xDC00 + ((end - 0x10000) & 0x3FF);
                if (!byHigh.TryGetValue(high, out var lows))
                {
                    byHigh[high] = lows = [];
                }

                lows.Add((lowLo, lowHi));
                cp = end + 1;
            }
        }

        var parts = new List<string>();
        int? runStart = null, runEnd = null;
        foreach ((int high, var lows) in byHigh)
        {
            bool full = lows.Count == 1 && lows[0] == (0xDC00, 0xDFFF);
            if (full && runEnd == high - 1)
            {
                runEnd = high;
                continue;
            }

            FlushRun();
            if (full)
            {
                runStart = runEnd = high;
                continue;
            }

            var cls = new StringBuilder();
            foreach ((int a, int b) in lows)
            {
                AppendClassRange(cls, a, b);
            }

            parts.Add(Hex(high) + "[" + cls + "]");
        }

        FlushRun();
        return string.Join("|", parts);

        void FlushRun()
        {
            if (runStart is int s && runEnd is int e)
            {
                parts.Add((s == e ? Hex(s) : "[" + Hex(s) + "-" + Hex(e) + "]") + "[\\uDC00-\\uDFFF]");
            }

            runStart = runEnd = null;
        }
    }

    private static void AppendClassRange(StringBuilder sb, int lo, int hi)
    {
        sb.Append(Hex(lo));
        if (hi > lo)
        {
            sb.Append('-').Append(Hex(hi));
        }
    }

    private static string Hex(int c) => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture);
}
