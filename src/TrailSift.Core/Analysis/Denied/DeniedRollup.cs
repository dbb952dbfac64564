using TrailSift.Core.Analysis.Denied.Messages;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// Roll-ups of a report's groups for <c>denied --summary</c> and <c>--top N</c>: per principal, service and reason;
/// and fix groups, where the groups of one principal, action and reason with the same fix (several resources of one
/// action) are one entry.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class DeniedRollup
{
    /// <summary>One row per principal, service and reason, ordered by principal, then calls (most first), service, reason.</summary>
    public static IReadOnlyList<DeniedServiceRow> ByServiceAndReason(IReadOnlyList<DeniedGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return [.. groups
            .GroupBy(static g => (g.Principal, Service: ServiceOf(g), g.Reason))
            .Select(static s => new DeniedServiceRow
            {
                Principal = s.Key.Principal,
                Service = s.Key.Service,
                Reason = s.Key.Reason,
                Calls = s.Sum(static g => g.Count),
                Groups = s.Count(),
                Actions = s.Select(static g => g.Action ?? string.Empty).Distinct(StringComparer.Ordinal).Count(),
                Fixes = s.Select(static g => g.Suggestion.Text).Distinct(StringComparer.Ordinal).Count(),
            })
            .OrderBy(static r => r.Principal, StringComparer.Ordinal)
            .ThenByDescending(static r => r.Calls)
            .ThenBy(static r => r.Service, StringComparer.Ordinal)
            .ThenBy(static r => r.Reason)];
    }

    /// <summary>Groups with one principal, action, reason and fix merged, most calls first (then principal, action, fix).</summary>
    public static IReadOnlyList<DeniedFixGroup> FixGroups(IReadOnlyList<DeniedGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return [.. groups
            .GroupBy(static g => (g.Principal, Action: g.Action ?? string.Empty, g.Reason, g.Suggestion.Text))
            .Select(static f => new DeniedFixGroup
            {
                Principal = f.Key.Principal,
                Action = f.First().Action,
                Reason = f.Key.Reason,
                Fix = f.First().Suggestion,
                Resources = [.. f.Select(static g => g.Resource ?? "(resource not named)").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                Calls = f.Sum(static g => g.Count),
                Groups = f.Count(),
            })
            .OrderByDescending(static f => f.Calls)
            .ThenBy(static f => f.Principal, StringComparer.Ordinal)
            .ThenBy(static f => f.Action, StringComparer.Ordinal)
            .ThenBy(static f => f.Fix.Text, StringComparer.Ordinal)];
    }

    /// <summary>The service prefix of the group's action (<c>ec2</c>), else of its event source, else <c>?</c>.</summary>
    public static string ServiceOf(DeniedGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Action is { } action && action.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
        {
            return action[..colon];
        }

        if (group.EventSource is { } source)
        {
            int dot = source.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 ? source[..dot] : source;
        }

        return "?";
    }
}
