using TrailSift.Core.Common;
using TrailSift.Core.Iam.Generalization;

namespace TrailSift.Core.Tests.Iam.Generalization;

/// <summary>
/// The generalizer folds values and <c>prefix*</c> patterns into broader patterns marking the patterns folded away
/// (<see cref="ResourceGeneralizer.FoldCovered"/>); the oracle is the dictionary look-up per key and pattern it replaces.
/// </summary>
public sealed class FoldCoveredTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Should_Fold_As_The_Lookup_Per_Pattern_Did_When_Patterns_Nest_And_Values_Fall_Under_Several(int seed)
    {
        // Given: exact values, prefix patterns nested in one another, patterns with '?' and inner '*', the bare '*' sometimes
        string[] stems = ["arn:aws:s3:::b/", "arn:aws:s3:::b/a", "arn:aws:s3:::b/a/", "arn:aws:s3:::b/ab", "arn:aws:s3:::c/", "arn:aws:s3:::B/a"];
        var random = new Random(seed);
        var values = new List<string>();
        for (int i = 0; i < 60; i++)
        {
            string stem = stems[random.Next(stems.Length)];
            values.Add(random.Next(5) switch
            {
                0 => stem + "*",
                1 => stem + "x?z",
                2 => stem + "*/" + random.Next(3) + "*",
                3 when random.Next(4) == 0 => "*",
                _ => stem + random.Next(20),
            });
        }

        Dictionary<string, SortedSet<string>> Entries()
        {
            var entries = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (string value in values)
            {
                if (!entries.TryGetValue(value, out SortedSet<string>? covers))
                {
                    entries.Add(value, covers = new SortedSet<string>(StringComparer.Ordinal));
                }

                covers.Add(value + "#");
            }

            return entries;
        }

        Dictionary<string, SortedSet<string>> expected = Entries();
        Dictionary<string, SortedSet<string>> actual = Entries();

        // When
        OldFoldCovered(expected);
        ResourceGeneralizer.FoldCovered(actual);

        // Then: the same patterns left, each covering the same values
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach ((string key, SortedSet<string> covers) in expected)
        {
            Assert.Equal(covers, actual[key]);
        }
    }

    // The fold as it was: a dictionary look-up for every key and pattern.
    private static void OldFoldCovered(Dictionary<string, SortedSet<string>> entries)
    {
        var patterns = entries.Keys.Where(static k => AwsWildcard.ContainsWildcard(k)).ToList();
        patterns.Sort(static (a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));
        var keys = new List<string>(entries.Keys);
        keys.Sort(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            foreach (string pattern in patterns)
            {
                if (pattern != key && entries.ContainsKey(pattern) && OldContains(pattern, key))
                {
                    entries[pattern].UnionWith(entries[key]);
                    entries.Remove(key);
                    break;
                }
            }
        }
    }

    private static bool OldContains(string outer, string inner)
    {
        if (!AwsWildcard.ContainsWildcard(inner))
        {
            return AwsWildcard.IsMatch(outer, inner);
        }

        ReadOnlySpan<char> innerStem = inner.AsSpan(0, inner.Length - 1);
        ReadOnlySpan<char> outerStem = outer.AsSpan(0, outer.Length - 1);
        return inner[^1] == '*' && outer[^1] == '*' && !AwsWildcard.ContainsWildcard(innerStem) && !AwsWildcard.ContainsWildcard(outerStem)
            && innerStem.StartsWith(outerStem, StringComparison.Ordinal);
    }
}
