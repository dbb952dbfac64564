using System.Globalization;
using TrailSift.Core.Analysis.Denied;

namespace TrailSift.Core.Output.Denied;

/// <summary>
/// The account of a <see cref="DeniedPolicyPlan"/> in words: how many denied calls <c>--policy</c> grants, how many
/// need another policy type, which cannot be granted and why, and which principals look like enumeration.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class DeniedPolicyAccount
{
    /// <summary>The lines (empty when there were no denied calls).</summary>
    public static IReadOnlyList<string> Lines(DeniedPolicyPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var lines = new List<string>();
        if (plan.DeniedCalls == 0)
        {
            return lines;
        }

        string head = $"--policy grants {plan.GrantableCalls} of {Plural(plan.DeniedCalls, "denied call")}";
        var parts = new List<string>();
        if (plan.OtherPolicyCalls > 0)
        {
            parts.Add($"{plan.OtherPolicyCalls} refused by another policy type or for an unknown reason (an identity Allow is not known to help)");
        }

        if (plan.UnresolvableCalls > 0)
        {
            parts.Add($"{plan.UnresolvableCalls} unresolvable");
        }

        if (plan.EnumerationCalls > 0)
        {
            parts.Add($"{plan.EnumerationCalls} from enumeration, never granted");
        }

        lines.Add(parts.Count == 0 ? head : head + "; " + string.Join("; ", parts));
        foreach (DeniedPolicyGap gap in plan.Unresolvable)
        {
            lines.Add($"  unresolvable: {Plural(gap.Calls, "call")}: {gap.Reason}: {string.Join(", ", gap.Examples)}");
        }

        foreach (EnumerationFinding e in plan.Enumerations)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  enumeration: {e.Principal} was denied on {e.Services} services ({e.Actions} actions, {Plural(e.Calls, "call")}; {e.ServicesInWindow} services within one hour) from {Time(e.FirstSeen)} to {Time(e.LastSeen)}: ")
                + "the pattern of credentials being tried, not of a workload missing permissions; no policy is offered for it");
        }

        return lines;
    }

    private static string Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "(no time)";

    private static string Plural(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
