namespace TrailSift.Core.Iam.Generalization;

/// <content>Safe clustering by shared boundary prefix, the depth check, and the aggressive one-per-group pattern.</content>
public static partial class ResourceGeneralizer
{
    /// <summary>
    /// Clusters one group's sorted distinct values (rule steps 3–5) and adds the resulting patterns or exact
    /// values to <paramref name="entries"/>.
    /// </summary>
    private static void ClusterSafe(List<string> members, int floor, Dictionary<string, SortedSet<string>> entries)
    {
        if (members.Count < 2)
        {
            AddExact(members, entries);
            return;
        }

        // In sorted order the longest prefix a value shares with any other is shared with a neighbour.
        var clusters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        for (int i = 0; i < members.Count; i++)
        {
            int left = i > 0 ? BoundaryPrefix(members[i - 1], members[i], floor) : 0;
            int right = i + 1 < members.Count ? BoundaryPrefix(members[i], members[i + 1], floor) : 0;
            int key = Math.Max(left, right);
            if (key <= floor)
            {
                AddExact([members[i]], entries);
                continue;
            }

            string prefix = members[i][..key];
            if (!clusters.TryGetValue(prefix, out List<string>? cluster))
            {
                clusters.Add(prefix, cluster = []);
            }

            cluster.Add(members[i]);
        }

        foreach ((string prefix, List<string> cluster) in clusters)
        {
            EmitCluster(prefix, cluster, floor, entries);
        }
    }

    private static void EmitCluster(string prefix, List<string> cluster, int floor, Dictionary<string, SortedSet<string>> entries)
    {
        int stem = cluster.Count < 2 ? 0 : CutToStem(prefix, prefix.Length, floor, cluster, crossSegments: false);
        if (stem <= floor)
        {
            AddExact(cluster, entries);
            return;
        }

        if (DepthAgrees(cluster, stem, out bool endsAtSeparator))
        {
            string pattern = string.Concat(cluster[0].AsSpan(0, stem), "*");
            foreach (string value in cluster)
            {
                Add(entries, pattern, value);
            }

            return;
        }

        // Split by depth below the stem; parts that agree get the wildcard, the others are clustered again.
        var parts = new SortedDictionary<int, List<string>>();
        foreach (string value in cluster)
        {
            int depth = SeparatorCount(value.AsSpan(stem));
            if (!parts.TryGetValue(depth, out List<string>? part))
            {
                parts.Add(depth, part = []);
            }

            part.Add(value);
        }

        foreach ((int depth, List<string> part) in parts)
        {
            if (part.Count >= 2 && (endsAtSeparator || depth == 0))
            {
                EmitCluster(prefix, part, floor, entries);
            }
            else if (part.Count < cluster.Count)
            {
                ClusterSafe(part, floor, entries);
            }
            else
            {
                AddExact(part, entries);
            }
        }
    }

    /// <summary>
    /// The depth check (rule step 5): a stem that ends inside a path level must not be followed by another
    /// separator in any value; a stem that ends at a separator needs all values at the same depth below it.
    /// </summary>
    private static bool DepthAgrees(List<string> cluster, int stem, out bool endsAtSeparator)
    {
        endsAtSeparator = IsPathSeparator(cluster[0][stem - 1]);
        int expected = endsAtSeparator ? SeparatorCount(cluster[0].AsSpan(stem)) : 0;
        foreach (string value in cluster)
        {
            if (SeparatorCount(value.AsSpan(stem)) != expected)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Rule step 6: one pattern per group of two or more distinct values, at worst the type part itself.</summary>
    private static void GeneralizeAggressive(List<string> members, int floor, Dictionary<string, SortedSet<string>> entries)
    {
        if (members.Count < 2)
        {
            AddExact(members, entries);
            return;
        }

        // members is sorted, so the common prefix of all values is that of the first and the last.
        int prefix = BoundaryPrefix(members[0], members[^1], floor);
        int stem = prefix <= floor ? floor : CutToStem(members[0], prefix, floor, members, crossSegments: true);
        string pattern = string.Concat(members[0].AsSpan(0, Math.Max(stem, floor)), "*");
        foreach (string value in members)
        {
            Add(entries, pattern, value);
        }
    }

    /// <summary>Length of the longest common prefix of <paramref name="a"/> and <paramref name="b"/> that ends with a boundary, or 0 when it does not reach past <paramref name="floor"/>.</summary>
    private static int BoundaryPrefix(string a, string b, int floor)
    {
        int common = a.AsSpan().CommonPrefixLength(b);
        for (int i = common; i > floor; i--)
        {
            if (IsBoundary(a[i - 1]))
            {
                return i;
            }
        }

        return 0;
    }

    private static int SeparatorCount(ReadOnlySpan<char> text) => text.Count('/') + text.Count(':');

    private static void AddExact(List<string> values, Dictionary<string, SortedSet<string>> entries)
    {
        foreach (string value in values)
        {
            Add(entries, value, value);
        }
    }
}
