using System.Collections.Immutable;
using System.Globalization;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Generalization;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Generation;

// Resources the workload creates itself: their ids differ on every run, so calls on them are granted on what stays
// the same (WorkloadNames: a name prefix, or the type's wildcard); tags given at creation carry ec2:CreateAction.
public static partial class PolicyGenerator
{
    private const string CreateActionKey = "ec2:CreateAction";

    /// <summary>
    /// Rows whose resource a principal of the input created before (or by) the call are moved to the resource's
    /// stable pattern and merged, with a note saying why.
    /// </summary>
    private static List<PermissionEvidence> WorkloadRows(List<PermissionEvidence> rows, PrincipalEvidence evidence, GeneralizationMode mode)
    {
        if (mode == GeneralizationMode.None || evidence.Created.IsEmpty)
        {
            return rows;
        }

        var result = new List<PermissionEvidence>(rows.Count);
        var merged = new Dictionary<(string Resource, string? Type, string? CreateAction), (PermissionEvidence Row, List<WorkloadResource> Created)>();
        var late = new HashSet<(string, string?, string?)>();
        var changed = new HashSet<(string, string?, string?)>();
        foreach (PermissionEvidence row in rows)
        {
            if (!evidence.Created.TryGetValue(row.Resource, out WorkloadResource? created)
                || (created.Ticks != 0 && row.LastTicks != 0 && created.Ticks > row.LastTicks))
            {
                result.Add(row);
                continue;
            }

            string pattern = WorkloadNames.StablePattern(row.Resource);
            if (pattern == row.Resource)
            {
                result.Add(row);
                continue;
            }

            var key = (pattern, row.ResourceType, row.CreateAction);
            if (created.Ticks == 0 || row.FirstTicks <= created.Ticks)
            {
                // A call at (or before) the creation: neither its tags nor its attributes are proven.
                late.Add(key);
                changed.Add(key);
            }

            if (created.RetaggedTicks is long r && r <= row.LastTicks)
            {
                // Its tags changed before a call.
                late.Add(key);
            }

            if (created.ChangedTicks is long c && c <= row.LastTicks)
            {
                // An attribute (the instance's profile) may have changed before a call.
                changed.Add(key);
            }

            if (merged.TryGetValue(key, out var existing))
            {
                existing.Created.Add(created);
                merged[key] = (Combine(existing.Row, row), existing.Created);
            }
            else
            {
                merged.Add(key, (row with { Resource = pattern }, [created]));
            }
        }

        foreach (((string, string?, string?) key, (PermissionEvidence row, List<WorkloadResource> created)) in merged)
        {
            ImmutableArray<KeyValuePair<string, string>> tags = late.Contains(key) || row.CreateAction is not null ? [] : StableTags(created);
            ImmutableArray<KeyValuePair<string, string>> attributes = changed.Contains(key) || row.CreateAction is not null
                ? [] : Stable(created, static c => c.Attributes);
            ImmutableArray<string> notes = row.Notes.Add(WorkloadNote(row.Resource, created));
            if (!tags.IsEmpty)
            {
                notes = notes.Add($"every call was on a resource created with {string.Join(", ", tags.Select(static t => t.Key + "=" + t.Value))} "
                    + "and not retagged before it, so the grant is conditioned on aws:ResourceTag");
            }

            if (!attributes.IsEmpty)
            {
                notes = notes.Add($"every call was on a resource created with {string.Join(", ", attributes.Select(static t => t.Key + " " + t.Value))} "
                    + "and not changed before it, so the grant is conditioned on it where the action has the key");
            }

            result.Add(row with { ResourceTags = tags, ResourceAttributes = attributes, Notes = notes.Sort(StringComparer.Ordinal) });
        }

        return result;
    }

    /// <summary>
    /// The tags every created resource of a pattern was given at creation, with one value, when at least two creating
    /// calls at different times show it (one creation cannot tell a per-run value from a stable one); <c>aws:</c> keys
    /// (set by AWS, often per-run ids) are left out.
    /// </summary>
    private static ImmutableArray<KeyValuePair<string, string>> StableTags(List<WorkloadResource> created) =>
        [.. Stable(created, static c => c.Tags).Where(static t => !t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// The key/value pairs (<paramref name="values"/> of each resource) every created resource of a pattern has, with one
    /// value per key, when at least two creating calls at different times show them; sorted by key.
    /// </summary>
    private static ImmutableArray<KeyValuePair<string, string>> Stable(List<WorkloadResource> created,
        Func<WorkloadResource, ImmutableArray<KeyValuePair<string, string>>> values)
    {
        if (created.Select(static c => c.Ticks).Distinct().Count() < 2)
        {
            return [];
        }

        IEnumerable<KeyValuePair<string, string>> common = values(created[0]);
        foreach (WorkloadResource c in created.Skip(1))
        {
            common = common.Intersect(values(c));
        }

        return [.. common
            .GroupBy(static t => t.Key, StringComparer.Ordinal).Where(static g => g.Count() == 1).Select(static g => g.First())
            .OrderBy(static t => t.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The <c>ArnEquals</c> conditions for rows whose creation attributes are proven, for the keys the catalog lists for
    /// the action (<c>ec2:InstanceProfile</c> on TerminateInstances, CreateTags, …); else empty.
    /// </summary>
    private static ImmutableArray<PolicyCondition> AttributeConditions(string action, ImmutableArray<KeyValuePair<string, string>> attributes, IamCatalog catalog) =>
        attributes.IsEmpty
            ? []
            : [.. attributes.Where(a => SupportsConditionKey(action, a.Key, catalog))
                .Select(static a => new PolicyCondition("ArnEquals", a.Key, [ConditionValue.String(a.Value)], isArray: false))];

    /// <summary>The <c>aws:ResourceTag</c> conditions for rows with proven tags, when the action supports the key; else empty.</summary>
    private static ImmutableArray<PolicyCondition> ResourceTagConditions(string action, ImmutableArray<KeyValuePair<string, string>> tags, IamCatalog catalog)
    {
        if (tags.IsEmpty || !SupportsConditionKey(action, "aws:ResourceTag/${TagKey}", catalog))
        {
            return [];
        }

        return [.. tags.Select(static t => new PolicyCondition("StringEquals", "aws:ResourceTag/" + t.Key, [ConditionValue.String(t.Value)], isArray: false))];
    }

    private static PermissionEvidence Combine(PermissionEvidence a, PermissionEvidence b) => a with
    {
        Calls = a.Calls + b.Calls,
        Denied = a.Denied + b.Denied,
        ImpliedCalls = a.ImpliedCalls + b.ImpliedCalls,
        UnverifiedCalls = a.UnverifiedCalls + b.UnverifiedCalls,
        FirstTicks = a.FirstTicks == 0 ? b.FirstTicks : b.FirstTicks == 0 ? a.FirstTicks : Math.Min(a.FirstTicks, b.FirstTicks),
        LastTicks = Math.Max(a.LastTicks, b.LastTicks),
        EventNames = [.. a.EventNames.Union(b.EventNames, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        Notes = [.. a.Notes.Union(b.Notes, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
    };

    private static string WorkloadNote(string pattern, List<WorkloadResource> created)
    {
        created.Sort(static (x, y) => x.Ticks != y.Ticks ? x.Ticks.CompareTo(y.Ticks) : string.CompareOrdinal(x.Arn, y.Arn));
        WorkloadResource first = created[0];
        string when = first.Ticks == 0 ? "an unknown time" : new DateTime(first.Ticks, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        string principals = string.Join(", ", created.Select(c => c.Principal).Distinct().Order(StringComparer.Ordinal));
        string events = string.Join(", ", created.Select(c => c.EventName).Distinct().Order(StringComparer.Ordinal));
        string count = created.Count == 1 ? first.Arn : string.Create(CultureInfo.InvariantCulture, $"{created.Count} resources (first {first.Arn})");
        return $"{count} created by {principals} at {when} ({events}); ids differ on every run, so the grant is {pattern}";
    }

    /// <summary>The <c>ec2:CreateAction</c> condition for tag-on-create rows, when the action supports the key; else null.</summary>
    private static PolicyCondition? CreateActionCondition(string action, List<PermissionEvidence> rows, IamCatalog catalog)
    {
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (PermissionEvidence row in rows)
        {
            if (row.CreateAction is null)
            {
                return null;
            }

            values.Add(row.CreateAction);
        }

        if (values.Count == 0 || !SupportsConditionKey(action, CreateActionKey, catalog))
        {
            return null;
        }

        return new PolicyCondition("StringEquals", CreateActionKey, [.. values.Select(ConditionValue.String)], isArray: values.Count > 1);
    }

    /// <summary>True when the catalog lists <paramref name="key"/> for the action or one of its resource types.</summary>
    internal static bool SupportsConditionKey(string action, string key, IamCatalog catalog)
    {
        if (!catalog.TryGetAction(action, out ActionInfo? info))
        {
            return false;
        }

        if (info.ConditionKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (ActionResourceType type in info.ResourceTypes)
        {
            if (type.ConditionKeys.Contains(key, StringComparer.OrdinalIgnoreCase)
                || (type.ResourceType?.ConditionKeys.Contains(key, StringComparer.OrdinalIgnoreCase) ?? false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits one action's rows into the tag-on-create part (with its condition) and the rest.</summary>
    private static IEnumerable<(List<PermissionEvidence> Rows, PolicyCondition? Condition)> ConditionParts(string action, List<PermissionEvidence> rows, IamCatalog catalog)
    {
        var onCreate = rows.Where(r => r.CreateAction is not null).ToList();
        PolicyCondition? condition = onCreate.Count > 0 ? CreateActionCondition(action, onCreate, catalog) : null;
        if (condition is null)
        {
            yield return (rows, null);
            yield break;
        }

        var plain = rows.Where(r => r.CreateAction is null).ToList();
        if (plain.Count > 0)
        {
            yield return (plain, null);
        }

        yield return (onCreate, condition);
    }
}
