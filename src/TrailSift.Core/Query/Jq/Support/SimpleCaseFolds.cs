namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// Case-insensitive equivalences that Oniguruma applies (Unicode simple case folding) and .NET's IgnoreCase leaves
/// out, such as s ~ ſ and µ ~ μ. Under the <c>i</c> option, literals and classes touching one of these groups
/// match the whole group explicitly.
/// </summary>
internal static class SimpleCaseFolds
{
    private static readonly int[][] Groups =
    [
        ['s', 'S', 0x017F], ['k', 'K', 0x212A], [0x00E5, 0x00C5, 0x212B], [0x00B5, 0x03BC, 0x039C],
        [0x03B9, 0x0399, 0x0345, 0x1FBE], [0x03B2, 0x0392, 0x03D0], [0x03B8, 0x0398, 0x03D1, 0x03F4],
        [0x03C6, 0x03A6, 0x03D5], [0x03C0, 0x03A0, 0x03D6], [0x03BA, 0x039A, 0x03F0], [0x03C1, 0x03A1, 0x03F1],
        [0x03B5, 0x0395, 0x03F5], [0x03C3, 0x03A3, 0x03C2], [0x1E61, 0x1E60, 0x1E9B], [0x03C9, 0x03A9, 0x2126],
    ];

    /// <summary>The group holding <paramref name="cp"/>, or null.</summary>
    public static int[]? GroupOf(int cp) => Groups.FirstOrDefault(g => g.Contains(cp));

    /// <summary>The set with every group it touches added whole.</summary>
    public static CodepointSet Close(CodepointSet set)
    {
        var extra = Groups.Where(g => g.Any(set.Contains)).SelectMany(g => g.Select(c => (c, c))).ToList();
        return extra.Count == 0 ? set : set.Union(CodepointSet.FromRanges(extra));
    }

    /// <summary>The case-insensitive regex of one literal code point.</summary>
    public static string Literal(int cp) =>
        GroupOf(cp) is { } group ? "(?i:" + CodepointSet.FromRanges(group.Select(c => (c, c))).ToRegex() + ")" : "(?i:" + CodepointSet.Of(cp).ToRegex() + ")";
}
