using System.Collections.Immutable;
using System.Globalization;
using TrailSift.Core.Common;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Judges every action every Allow statement of a principal grants (patterns and <c>NotAction</c> expanded through
/// the catalog, so <c>s3:*</c> is judged action by action): <c>used</c> when replayed calls were allowed by that
/// statement (or Access Advisor saw a tracked action attempted); <c>not visible</c> when CloudTrail cannot show it in
/// this input; <c>no data</c> when the input does not cover the principal's account or the statement's regions;
/// otherwise <c>unused</c>, stating the accounts, regions and time the input covers.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static partial class GrantAnalyzer
{
    /// <summary>The verdicts, in policy, statement, then action order.</summary>
    public static ImmutableArray<GrantUsage> Analyze(EffectivePolicies policies, ObservedUsage observed, InputCoverage coverage,
        AccessAdvisorReport? advisor, IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(catalog);
        var byAction = observed.Uses.Where(static u => u.Decision == Decision.Allowed || u.Undecidable)
            .ToLookup(static u => u.Action, StringComparer.OrdinalIgnoreCase);
        var calls = observed.ActionCalls.ToDictionary(static a => (a.Action, a.Statement));
        var refused = observed.Uses.Where(static u => u.Decision != Decision.Allowed && !u.Undecidable)
            .ToLookup(static u => u.Action, StringComparer.OrdinalIgnoreCase);
        var found = ImmutableArray.CreateBuilder<GrantUsage>();

        // Per principal and per statement, not per action: what the input covers does not depend on the action.
        string unused = "no call in the input (" + Scope(policies.Principal.Account, coverage) + ")";
        for (int p = 0; p < policies.Identity.Length; p++)
        {
            GrantedPolicy policy = policies.Identity[p];
            for (int s = 0; s < policy.Document.Statements.Length; s++)
            {
                Statement statement = policy.Document.Statements[s];
                if (statement.Effect != Effect.Allow)
                {
                    continue;
                }

                var head = new GrantUsage
                {
                    PolicyIndex = p,
                    Policy = policy.Label,
                    StatementIndex = s,
                    Sid = statement.Sid,
                    Action = string.Empty,
                    Verdict = UsageVerdict.Unused,
                    Reason = string.Empty,
                    HasConditions = !statement.Conditions.IsEmpty,
                };
                var judged = new StatementFacts(statement, NoData(statement, policies.Principal, coverage), unused);
                var reference = new StatementRef(p, s);
                foreach (string action in GrantedActions(statement, catalog))
                {
                    PermissionUse[] uses = AllowedBy(byAction[action], reference);
                    calls.TryGetValue((action, reference), out ActionCalls? counted);
                    GrantUsage grant = Judge(head with { Action = action }, judged, uses, counted, observed, coverage, advisor);
                    long denied = 0;
                    foreach (PermissionUse use in AllowedBy(refused[action], reference))
                    {
                        denied += use.Calls;
                    }

                    found.Add(grant.Verdict == UsageVerdict.Unused && denied > 0
                        ? grant with { Reason = Invariant($"no call allowed: the statement matched {denied} request(s) that the current policies deny (a Deny or the permissions boundary)") }
                        : grant);
                }
            }
        }

        return found.ToImmutable();
    }

    /// <summary>The catalog actions a statement's <c>Action</c> or <c>NotAction</c> covers, sorted; unknown names as written.</summary>
    public static ImmutableArray<string> GrantedActions(Statement statement, IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(catalog);
        var actions = new List<string>();
        if (statement.Action is { } list)
        {
            foreach (string pattern in list.Values)
            {
                ImmutableArray<ActionInfo> expanded = catalog.ExpandActionPattern(pattern);
                if (expanded.IsEmpty && !AwsWildcard.ContainsWildcard(pattern))
                {
                    actions.Add(pattern);
                }

                foreach (ActionInfo action in expanded)
                {
                    actions.Add(action.FullName);
                }
            }
        }
        else if (statement.NotAction is { } excluded)
        {
            foreach (ActionInfo action in catalog.ExpandActionPattern("*"))
            {
                if (!excluded.Values.Any(pattern => AwsWildcard.IsMatchIgnoreCase(pattern, action.FullName)))
                {
                    actions.Add(action.FullName);
                }
            }
        }

        // Sorted, each once (a sort then one pass: cheaper than a sorted set for the hundreds a wildcard expands to).
        actions.Sort(StringComparer.Ordinal);
        var distinct = ImmutableArray.CreateBuilder<string>(actions.Count);
        foreach (string action in actions)
        {
            if (distinct.Count == 0 || !string.Equals(distinct[^1], action, StringComparison.Ordinal))
            {
                distinct.Add(action);
            }
        }

        return distinct.DrainToImmutable();
    }

    /// <summary>The uses the statement allowed (or could allow); a shared empty array when none.</summary>
    private static PermissionUse[] AllowedBy(IEnumerable<PermissionUse> uses, StatementRef reference)
    {
        List<PermissionUse>? found = null;
        foreach (PermissionUse use in uses)
        {
            if (use.AllowedBy.Contains(reference))
            {
                (found ??= []).Add(use);
            }
        }

        return found is null ? [] : [.. found];
    }

    private static GrantUsage Judge(GrantUsage head, StatementFacts facts, PermissionUse[] uses, ActionCalls? counted,
        ObservedUsage observed, InputCoverage coverage, AccessAdvisorReport? advisor)
    {
        Statement statement = facts.Statement;
        string prefix = head.Action[..Math.Max(0, head.Action.IndexOf(':', StringComparison.Ordinal))];
        Visibility visibility = CloudTrailVisibility.Of(head.Action);
        if (visibility == Visibility.Unrecorded && coverage.HasService(prefix))
        {
            // The table is not complete: events of the service in the input show that CloudTrail records it.
            visibility = Visibility.Management;
        }

        (string? advice, bool? advisorUsed) = Advise(head.Action, advisor);
        head = head with { Visibility = visibility, AccessAdvisor = advice };
        if (uses.Length > 0)
        {
            long calls = counted?.Calls ?? 0;
            long undecidable = counted?.Undecidable ?? 0;
            bool implied = uses.All(static u => u.Implied);
            string how = implied ? "implied by " + string.Join(", ", uses.SelectMany(static u => u.EventNames).Distinct().Order(StringComparer.Ordinal)) : "called";
            string reason = calls > 0
                ? Invariant($"{how}: {calls} call(s)")
                : Invariant($"possibly used: {undecidable} call(s) whose decision depends on keys the trail cannot show");
            return head with
            {
                Verdict = UsageVerdict.Used,
                Reason = reason,
                Calls = calls,
                UndecidableCalls = undecidable,
                DeniedAtTheTime = counted?.DeniedAtTheTime ?? 0,
                Implied = implied,
                FirstTicks = uses.Min(static u => u.FirstTicks),
                LastTicks = uses.Max(static u => u.LastTicks),
                Resources = [.. uses.Select(static u => u.Resource).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                UnusedResourcePatterns = UnusedPatterns(statement, uses),
            };
        }

        if (advisorUsed == true)
        {
            return head with { Verdict = UsageVerdict.Used, UsedPerAccessAdvisor = true, Reason = "no call in the input; " + advice };
        }

        if (visibility != Visibility.Management)
        {
            if (advisorUsed == false)
            {
                return head with { Verdict = UsageVerdict.Unused, Reason = "CloudTrail cannot show it here, but " + advice };
            }

            if (visibility == Visibility.NeverLogged)
            {
                return head with { Verdict = UsageVerdict.NotVisible, Reason = CloudTrailVisibility.NeverLoggedReason(head.Action) + "; no implying call used this statement" };
            }

            if (visibility == Visibility.Unrecorded)
            {
                return head with
                {
                    Verdict = UsageVerdict.NotVisible,
                    Reason = $"no CloudTrail event source is known for {prefix} and the input holds no {prefix} events: its calls may not be recorded",
                };
            }

            // Trails record data events only for the resources they select: only this principal's own data events of
            // the service show that its data-plane calls are recorded.
            if (!observed.DataEvents.ContainsKey(prefix))
            {
                string why = coverage.HasDataEvents(prefix)
                    ? $"a data event; the input holds {prefix} data events, none by this principal (trails record data events only for the resources they select)"
                    : $"a data event, and the input holds no {prefix} data events";
                return head with { Verdict = UsageVerdict.NotVisible, Reason = why };
            }
        }

        if (facts.NoData is string missing)
        {
            return head with { Verdict = UsageVerdict.NoData, Reason = missing };
        }

        return visibility == Visibility.DataEvent
            ? head with { Verdict = UsageVerdict.Unused, Reason = facts.Unused + "; " + DataEventCaveat, Note = DataEventCaveat }
            : head with { Verdict = UsageVerdict.Unused, Reason = facts.Unused };
    }

    private const string DataEventCaveat = "its data events are recorded only for the resources the trail selects";

    /// <summary>What holds for every action of one statement: the statement, why the input has no data for it (or null), the unused reason.</summary>
    private sealed record StatementFacts(Statement Statement, string? NoData, string Unused);

    private static ImmutableArray<string> UnusedPatterns(Statement statement, PermissionUse[] uses)
    {
        if (statement.Resource is not { } resources)
        {
            return [];
        }

        return [.. resources.Values.Where(pattern => pattern != "*"
            && !uses.Any(u => AwsWildcard.IsMatch(pattern, u.Resource) || string.Equals(pattern, u.Resource, StringComparison.Ordinal)))];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
