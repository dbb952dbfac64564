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

        foreach ((PermissionEvidence row, List<WorkloadResource> created) in merged.Values)
        {
            result.Add(row with { Notes = row.Notes.Add(WorkloadNote(row.Resource, created)).Sort(StringComparer.Ordinal) });
        }

        return result;
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
