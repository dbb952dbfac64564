using TrailSift.Core.Common;
namespace TrailSift.Core.Iam.Generalization;

/*! Iam/Generalization: turns observed resource ARNs of one action and resource type into policy
    resource patterns (exact ARNs or stem wildcards) with the evidence each pattern covers; shared by
    the `denied` fixes and `policy` generation. Pure string work over ARNs: depends on the BCL only
    (Iam/* may also use Common; never Events, Scan or Query). */

/// <summary>
/// Generalises observed resource ARNs (for one action and resource type) into resource patterns.
/// </summary>
/// <remarks>
/// <para>Stateless; thread-safe. Output is deterministic: it does not depend on input order, and entries
/// are sorted by pattern (ordinal).</para>
/// <para><b>The rule.</b> Terms: a <i>boundary</i> is one of <c>- _ / : .</c>; a <i>path separator</i> is
/// <c>/</c> or <c>:</c> (IAM's <c>*</c> matches them too); the <i>type part</i> of an ARN is
/// <c>arn:partition:service:region:account:</c> plus the resource-type token (<c>instance/</c>,
/// <c>function:</c>, <c>role/</c>; none for SQS queues, SNS topics, S3 buckets and objects).</para>
/// <list type="number">
/// <item>Values are grouped by type part, so nothing is generalised across partitions, services, regions,
/// accounts or resource types. Input wildcards (<c>*</c>, <c>…/*</c>, <c>?</c>) are kept as they are, and
/// text that is not an ARN stays exact.</item>
/// <item><see cref="GeneralizationMode.None"/> returns the distinct values.</item>
/// <item><see cref="GeneralizationMode.Safe"/> clusters each group: a value's <i>key</i> is the longest
/// prefix ending at a boundary (past the type part) that it shares with another value of the group;
/// values with equal keys form a cluster. A value that shares no such prefix stays exact, so one outlier
/// never drags others into a broader wildcard.</item>
/// <item>The key is cut back to a <i>stable name stem</i>: from the right, drop tokens that look generated,
/// and drop an id-kind abbreviation of 1–4 lower-case letters followed by <c>-</c> when every clustered
/// value continues there with a generated token that ends the value or its path level
/// (<c>j-2AXXXXXXGAPLF</c>, <c>i-0abc…</c>; not <c>job-</c> in <c>job-20240101-a</c>). A token looks
/// generated when it is letters and digits with both (10+ long, or 8+ without lower case); hex with a digit
/// (8+ long); part of a run of digit-only tokens with 4+ digits (dates, epochs); or a hex group of 4+ in a
/// run of 8+ hex characters (UUIDs). In safe mode the cut stops at a path separator: whole path levels
/// that all values share are never dropped.</item>
/// <item>The cluster becomes <c>stem*</c> only when the stem holds at least one name character past the
/// type part (never <c>…:123456789012:*</c>, <c>arn:aws:s3:::*</c> or <c>…:instance/*</c>), and when the
/// wildcard does not swallow path levels the values did not reach: if the stem ends inside a path level
/// (not at a separator), no value may continue past another separator; if it ends at a separator, all
/// values must sit the same number of levels below it. IAM cannot say "exactly one level" (<c>*</c> matches
/// <c>/</c>), so equal depth is the evidence we require. A cluster that fails is split by depth and each
/// part is clustered again; what remains alone stays exact.</item>
/// <item><see cref="GeneralizationMode.Aggressive"/> makes one pattern per group of two or more distinct
/// values: the boundary-ending common prefix of all of them, cut to a stem across path levels too, with no
/// depth check, down to the type part itself (<c>…:123456789012:*</c>).</item>
/// <item>For an action with no resource type (<c>resourceTypeKey</c> is
/// <see cref="NoResourceType"/>), safe and aggressive give the single pattern <c>*</c>.</item>
/// <item>Finally, an exact value that another produced or observed pattern already matches joins that
/// pattern's <see cref="GeneralizedResource.Covers"/>, and a <c>prefix*</c> pattern inside another one is
/// merged into it.</item>
/// </list>
/// <para>Example: <c>…:AWS-ElasticMapReduce-j-2AXXXXXXGAPLF</c> and <c>…:AWS-ElasticMapReduce-j-3BYYYYYYYYYYY</c>
/// share <c>AWS-ElasticMapReduce-j-</c>; <c>j</c> is an id-kind before generated ids, so the stem is
/// <c>AWS-ElasticMapReduce-</c> and the pattern <c>arn:aws:sqs:us-east-1:123456789012:AWS-ElasticMapReduce-*</c>.</para>
/// </remarks>
public static partial class ResourceGeneralizer
{
    /// <summary>The <c>resourceTypeKey</c> for an action that supports no resource type (its policy resource must be <c>*</c>).</summary>
    public const string NoResourceType = "";

    /// <summary>Generalises <paramref name="arns"/> (see the rule in the type's remarks).</summary>
    /// <param name="arns">Observed resources of one action (ARNs, <c>*</c>, or observed wildcards); duplicates are fine.</param>
    /// <param name="resourceTypeKey">The catalog's resource-type key (<c>queue</c>, <c>instance</c>), null when not known, or <see cref="NoResourceType"/>.</param>
    /// <param name="mode">How far to widen.</param>
    public static IReadOnlyList<GeneralizedResource> Generalize(IReadOnlyList<string> arns, string? resourceTypeKey, GeneralizationMode mode)
    {
        ArgumentNullException.ThrowIfNull(arns);
        string[] distinct = Distinct(arns);
        var entries = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        if (mode == GeneralizationMode.None)
        {
            foreach (string value in distinct)
            {
                Add(entries, value, value);
            }

            return ToResults(entries);
        }

        if (resourceTypeKey is NoResourceType)
        {
            foreach (string value in distinct)
            {
                Add(entries, "*", value);
            }

            return ToResults(entries);
        }

        // The group key is the type part itself (arn:…:account: plus the type token), so its length is the floor.
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string value in distinct)
        {
            if (AwsWildcard.ContainsWildcard(value) || !ArnShape.TryRead(value, resourceTypeKey, out ArnShape shape))
            {
                Add(entries, value, value);
                continue;
            }

            if (!groups.TryGetValue(shape.GroupKey, out List<string>? members))
            {
                groups.Add(shape.GroupKey, members = []);
            }

            members.Add(value); // distinct is sorted, so members stay sorted
        }

        foreach ((string key, List<string> members) in groups)
        {
            if (mode == GeneralizationMode.Aggressive)
            {
                GeneralizeAggressive(members, key.Length, entries);
            }
            else
            {
                ClusterSafe(members, key.Length, entries);
            }
        }

        FoldCovered(entries);
        return ToResults(entries);
    }

    private static string[] Distinct(IReadOnlyList<string> values)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < values.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(values[i], nameof(values));
            set.Add(values[i]);
        }

        var result = new string[set.Count];
        set.CopyTo(result);
        return result;
    }

    private static void Add(Dictionary<string, SortedSet<string>> entries, string pattern, string covered)
    {
        if (!entries.TryGetValue(pattern, out SortedSet<string>? covers))
        {
            entries.Add(pattern, covers = new SortedSet<string>(StringComparer.Ordinal));
        }

        covers.Add(covered);
    }

    /// <summary>
    /// Moves exact values into a wildcard pattern that already matches them, and merges <c>prefix*</c>
    /// patterns that lie inside another pattern. Broader patterns (shorter, in ordinal order) win.
    /// </summary>
    internal static void FoldCovered(Dictionary<string, SortedSet<string>> entries)
    {
        var patterns = new List<string>();
        foreach (string pattern in entries.Keys)
        {
            if (AwsWildcard.ContainsWildcard(pattern))
            {
                patterns.Add(pattern);
            }
        }

        patterns.Sort(static (a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));

        // A pattern leaves the entries only when folded as a key: marked here, not looked up for every key and pattern.
        var folded = new bool[patterns.Count];
        var positions = new Dictionary<string, int>(patterns.Count, StringComparer.Ordinal);
        for (int j = 0; j < patterns.Count; j++)
        {
            positions.Add(patterns[j], j);
        }

        var keys = new List<string>(entries.Keys);
        keys.Sort(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            bool wild = AwsWildcard.ContainsWildcard(key);
            for (int j = 0; j < patterns.Count; j++)
            {
                string pattern = patterns[j];
                if (!folded[j] && pattern != key && Contains(pattern, key, wild))
                {
                    entries[pattern].UnionWith(entries[key]);
                    entries.Remove(key);
                    if (wild && positions.TryGetValue(key, out int position))
                    {
                        folded[position] = true;
                    }

                    break;
                }
            }
        }
    }

    /// <summary>
    /// True when every value <paramref name="inner"/> matches also matches <paramref name="outer"/> (exactly decided for
    /// exact values and <c>prefix*</c> patterns); <paramref name="innerIsPattern"/>: <paramref name="inner"/> has a wildcard.
    /// </summary>
    private static bool Contains(string outer, string inner, bool innerIsPattern)
    {
        if (!innerIsPattern)
        {
            return AwsWildcard.IsMatch(outer, inner);
        }

        ReadOnlySpan<char> innerStem = inner.AsSpan(0, inner.Length - 1);
        ReadOnlySpan<char> outerStem = outer.AsSpan(0, outer.Length - 1);
        return inner[^1] == '*' && outer[^1] == '*' && !AwsWildcard.ContainsWildcard(innerStem) && !AwsWildcard.ContainsWildcard(outerStem)
            && innerStem.StartsWith(outerStem, StringComparison.Ordinal);
    }

    private static List<GeneralizedResource> ToResults(Dictionary<string, SortedSet<string>> entries)
    {
        var keys = new List<string>(entries.Keys);
        keys.Sort(StringComparer.Ordinal);
        var results = new List<GeneralizedResource>(keys.Count);
        foreach (string key in keys)
        {
            var covers = new string[entries[key].Count];
            entries[key].CopyTo(covers);
            results.Add(new GeneralizedResource(key, Array.AsReadOnly(covers)));
        }

        return results;
    }
}
