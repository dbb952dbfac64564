using System.Collections.Immutable;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// Replaces parts of an action list by wildcards (<c>ec2:Describe*</c>) only where the wildcard covers no catalog
/// action outside the list, so the compressed list grants exactly what the list granted (for the actions the
/// catalog knows today). Wildcards are cut at word boundaries of the action name (<c>Describe</c>,
/// <c>DescribeInstance</c>), the shortest valid one first, and must stand for at least two actions.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class ActionCompressor
{
    /// <summary>Compresses <paramref name="actions"/>; the result is sorted (ordinal, ignoring case) and deterministic.</summary>
    public static ImmutableArray<string> Compress(IReadOnlyList<string> actions, IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(catalog);
        var list = new SortedSet<string>(actions, StringComparer.OrdinalIgnoreCase);
        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string action in list)
        {
            if (covered.Contains(action))
            {
                continue;
            }

            string? pattern = FindPattern(action, list, catalog, out ImmutableArray<ActionInfo> expansion);
            if (pattern is null)
            {
                result.Add(action);
                continue;
            }

            result.Add(pattern);
            foreach (ActionInfo info in expansion)
            {
                covered.Add(info.FullName);
            }
        }

        return [.. result];
    }

    private static string? FindPattern(string action, SortedSet<string> list, IamCatalog catalog, out ImmutableArray<ActionInfo> expansion)
    {
        expansion = [];
        int colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !catalog.TryGetAction(action, out ActionInfo? known))
        {
            return null;
        }

        string service = action[..colon];
        string name = known.Name;
        var candidates = new List<string> { service + ":*" };
        for (int i = 1; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                candidates.Add(service + ":" + name[..i] + "*");
            }
        }

        foreach (string candidate in candidates)
        {
            ImmutableArray<ActionInfo> matched = catalog.ExpandActionPattern(candidate);
            if (matched.Length >= 2 && AllIn(matched, list))
            {
                expansion = matched;
                return candidate;
            }
        }

        return null;
    }

    private static bool AllIn(ImmutableArray<ActionInfo> matched, SortedSet<string> list)
    {
        foreach (ActionInfo info in matched)
        {
            if (!list.Contains(info.FullName))
            {
                return false;
            }
        }

        return true;
    }
}
