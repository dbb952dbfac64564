using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
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
        AccessAdvisorReport? advisor, IamCatalog catalog) => Analyze(policies, observed, coverage, advisor, catalog, granted: null);

    /// <summary>The verdicts, with the statements' actions taken from <paramref name="granted"/> (built with the same catalog) when given.</summary>
    internal static ImmutableArray<GrantUsage> Analyze(EffectivePolicies policies, ObservedUsage observed, InputCoverage coverage,
        AccessAdvisorReport? advisor, IamCatalog catalog, GrantedActionTable? granted)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(catalog);
        var byAction = new UsesByAction(observed.Uses);
        var calls = observed.ActionCalls.ToDictionary(static a => (a.Action, a.Statement));

        // The Allow statements' actions first: the verdicts then fill an array of the right size (a principal has thousands).
        var allows = new List<(int Policy, int Statement, ImmutableArray<string> Actions)>();
        int total = 0;
        for (int p = 0; p < policies.Identity.Length; p++)
        {
            ImmutableArray<Statement> statements = policies.Identity[p].Document.Statements;
            for (int s = 0; s < statements.Length; s++)
            {
                if (statements[s].Effect == Effect.Allow)
                {
                    ImmutableArray<string> actions = granted?.Of(statements[s]) ?? GrantedActions(statements[s], catalog);
                    allows.Add((p, s, actions));
                    total += actions.Length;
                }
            }
        }

        var found = ImmutableArray.CreateBuilder<GrantUsage>(total);

        // Per principal and per statement, not per action: what the input covers does not depend on the action.
        string unused = "no call in the input (" + Scope(policies.Principal.Account, coverage) + ")";
        foreach ((int p, int s, ImmutableArray<string> actions) in allows)
        {
            GrantedPolicy policy = policies.Identity[p];
            Statement statement = policy.Document.Statements[s];
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
            string prefix = string.Empty;
            foreach (string action in actions)
            {
                // The actions are sorted: those of one service share its prefix string.
                prefix = PrefixOf(action, prefix);
                PermissionUse[] uses = byAction.AllowedBy(action, reference);
                calls.TryGetValue((action, reference), out ActionCalls? counted);
                long denied = byAction.RefusedCallsOf(action, reference);

                found.Add(Judge(head, action, prefix, judged, uses, counted, denied, observed, coverage, advisor));
            }
        }

        return found.MoveToImmutable();
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

    /// <summary>The verdict on <paramref name="action"/>, built in one allocation from the statement's <paramref name="head"/>.</summary>
    private static GrantUsage Judge(GrantUsage head, string action, string prefix, StatementFacts facts, PermissionUse[] uses,
        ActionCalls? counted, long denied, ObservedUsage observed, InputCoverage coverage, AccessAdvisorReport? advisor)
    {
        Statement statement = facts.Statement;
        Visibility visibility = CloudTrailVisibility.Of(action);
        if (visibility == Visibility.Unrecorded && coverage.HasService(prefix))
        {
            // The table is not complete: events of the service in the input show that CloudTrail records it.
            visibility = Visibility.Management;
        }

        (string? advice, bool? advisorUsed) = Advise(action, prefix, advisor);
        if (uses.Length > 0)
        {
            long calls = counted?.Calls ?? 0;
            long undecidable = counted?.Undecidable ?? 0;
            bool implied = uses.All(static u => u.Implied);
            string how = implied ? "implied by " + string.Join(", ", uses.SelectMany(static u => u.EventNames).Distinct().Order(StringComparer.Ordinal)) : "called";
            string used = calls > 0
                ? Invariant($"{how}: {calls} call(s)")
                : Invariant($"possibly used: {undecidable} call(s) whose decision depends on keys the trail cannot show");
            return head with
            {
                Action = action,
                Visibility = visibility,
                AccessAdvisor = advice,
                Verdict = UsageVerdict.Used,
                Reason = used,
                Calls = calls,
                UndecidableCalls = undecidable,
                DeniedAtTheTime = counted?.DeniedAtTheTime ?? 0,
                Implied = implied,
                FirstTicks = uses.Min(static u => u.FirstTicks),
                LastTicks = uses.Max(static u => u.LastTicks),
                Resources = ResourcesOf(uses),
                UnusedResourcePatterns = UnusedPatterns(statement, uses),
            };
        }

        if (advisorUsed == true)
        {
            return head with
            {
                Action = action, Visibility = visibility, AccessAdvisor = advice,
                Verdict = UsageVerdict.Used, UsedPerAccessAdvisor = true, Reason = "no call in the input; " + advice,
            };
        }

        (UsageVerdict verdict, string reason, string? note) = Unjudged(action, prefix, visibility, advice, advisorUsed, facts, observed, coverage);
        if (verdict == UsageVerdict.Unused && denied > 0)
        {
            reason = Invariant($"no call allowed: the statement matched {denied} request(s) that the current policies deny (a Deny or the permissions boundary)");
        }

        return head with { Action = action, Visibility = visibility, AccessAdvisor = advice, Verdict = verdict, Reason = reason, Note = note };
    }

    /// <summary>The verdict, reason and note on an action no replayed call used and Access Advisor did not see attempted.</summary>
    private static (UsageVerdict Verdict, string Reason, string? Note) Unjudged(string action, string prefix, Visibility visibility, string? advice,
        bool? advisorUsed, StatementFacts facts, ObservedUsage observed, InputCoverage coverage)
    {
        if (visibility != Visibility.Management)
        {
            if (advisorUsed == false)
            {
                return (UsageVerdict.Unused, "CloudTrail cannot show it here, but " + advice, null);
            }

            if (visibility == Visibility.NeverLogged)
            {
                return (UsageVerdict.NotVisible, SharedReasons.NeverLogged(action), null);
            }

            if (visibility == Visibility.Unrecorded)
            {
                return (UsageVerdict.NotVisible, SharedReasons.Unrecorded(prefix), null);
            }

            // Trails record data events only for the resources they select: only this principal's own data events of
            // the service show that its data-plane calls are recorded.
            if (!observed.DataEvents.ContainsKey(prefix))
            {
                return (UsageVerdict.NotVisible, SharedReasons.DataEvent(prefix, coverage.HasDataEvents(prefix)), null);
            }
        }

        if (facts.NoData is string missing)
        {
            return (UsageVerdict.NoData, missing, null);
        }

        return visibility == Visibility.DataEvent
            ? (UsageVerdict.Unused, facts.UnusedDataEvent, DataEventCaveat)
            : (UsageVerdict.Unused, facts.Unused, null);
    }

    /// <summary>The action's service prefix (the text before its first colon, empty when none): <paramref name="last"/> itself when it is that.</summary>
    private static string PrefixOf(string action, string last)
    {
        int colon = action.IndexOf(':', StringComparison.Ordinal);
        ReadOnlySpan<char> prefix = action.AsSpan(0, Math.Max(0, colon));
        return prefix.SequenceEqual(last) ? last : prefix.ToString();
    }

    private const string DataEventCaveat = "its data events are recorded only for the resources the trail selects";

    /// <summary>What holds for every action of one statement: the statement, why the input has no data for it (or null), the unused reason.</summary>
    private sealed record StatementFacts(Statement Statement, string? NoData, string Unused)
    {
        /// <summary>The unused reason of a data event (with its caveat), built once per statement.</summary>
        public string UnusedDataEvent => field ??= Unused + "; " + DataEventCaveat;
    }

    /// <summary>
    /// The uses' resources, each once, in ordinal order: as they come when they already are (the uses of one spelling of
    /// an action, sorted as the collector sorts them), else sorted.
    /// </summary>
    internal static ImmutableArray<string> ResourcesOf(PermissionUse[] uses)
    {
        var resources = new string[uses.Length];
        bool ascending = true;
        for (int i = 0; i < uses.Length; i++)
        {
            resources[i] = uses[i].Resource;
            ascending &= i == 0 || string.CompareOrdinal(resources[i - 1], resources[i]) < 0;
        }

        return ascending ? ImmutableCollectionsMarshal.AsImmutableArray(resources)
            : [.. resources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

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
