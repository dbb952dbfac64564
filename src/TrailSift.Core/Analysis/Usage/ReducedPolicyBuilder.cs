using System.Collections.Immutable;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Builds the reduced policy: the <c>policy</c> generator's least-privilege resources for the permissions the current
/// policies allowed, each narrowed to the current statement that allowed it (the generator's pattern when that
/// statement covers the whole pattern, else the observed resources) and carrying that statement's conditions, which the
/// calls satisfied; grants CloudTrail cannot show, the input does not cover, or Access Advisor saw attempted, kept
/// unchanged and flagged (no data is never taken for unused); Deny
/// statements kept. Then replays every allowed request against it.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static partial class ReducedPolicyBuilder
{
    /// <summary>Builds and verifies the reduced policy.</summary>
    public static ReducedPolicy Build(EffectivePolicies policies, ObservedUsage observed, ImmutableArray<GrantUsage> grants,
        PolicyGenerationOptions options, CatalogRequestFactory factory)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(factory);
        ImmutableArray<PermissionUse> uses = observed.Uses;
        var evidence = new PrincipalEvidence
        {
            Principal = policies.Principal.Arn,
            Permissions = [.. uses.Where(static u => (u.Decision == Decision.Allowed || u.Undecidable) && !u.AllowedBy.IsEmpty).Select(static u => new PermissionEvidence
            {
                Action = u.Action,
                Resource = u.Resource,
                ResourceType = u.ResourceType,
                Calls = u.Calls,
                ImpliedCalls = u.Implied ? u.Calls : 0,
                FirstTicks = u.FirstTicks,
                LastTicks = u.LastTicks,
                EventNames = u.EventNames,
            })],
        };

        // Only the generator's statements are read: not its documents, their sizes or its notes.
        IEnumerable<GeneratedStatement> generated = PolicyGenerator.Statements(evidence, options with { CompressActions = false });

        // (current statement, action) → resources of the reduced grant, and why it is kept.
        var drafts = new DraftTable();

        // Each current statement alone, without its conditions, compiled once for every pattern it is asked about.
        var alone = new Dictionary<StatementRef, PolicySet>();
        foreach (GeneratedStatement statement in generated)
        {
            foreach (string action in statement.Actions)
            {
                foreach (GeneratedResource resource in statement.Resources)
                {
                    foreach (IGrouping<StatementRef, PermissionEvidence> group in resource.Evidence
                                 .Where(e => e.Action == action)
                                 .GroupBy(e => UseOf(uses, e.Action, e.Resource).AllowedBy[0]))
                    {
                        if (!alone.TryGetValue(group.Key, out PolicySet? current))
                        {
                            alone.Add(group.Key, current = Alone(StatementOf(policies, group.Key)));
                        }

                        Draft draft = drafts.For(group.Key, action, ReducedStatementKind.Observed);
                        if (Covers(current, action, resource.Pattern, policies.Principal.Arn, factory))
                        {
                            draft.Resources.Add(resource.Pattern);
                        }
                        else
                        {
                            draft.Resources.UnionWith(group.Select(static e => e.Resource));
                        }
                    }
                }
            }
        }

        foreach (GrantUsage grant in grants)
        {
            ReducedStatementKind? kept = grant.Verdict == UsageVerdict.NotVisible ? ReducedStatementKind.NotVisible
                : grant.Verdict == UsageVerdict.NoData ? ReducedStatementKind.NoData
                : grant.UsedPerAccessAdvisor ? ReducedStatementKind.AccessAdvisor
                : null;
            if (kept is ReducedStatementKind kind)
            {
                var reference = new StatementRef(grant.PolicyIndex, grant.StatementIndex);
                Draft draft = drafts.For(reference, grant.Action, kind);
                draft.KeepResources = true;
            }
        }

        List<ReducedStatement> statements = Layout(policies, drafts);
        var document = new PolicyDocument { Version = PolicyDocument.Version2012, Statements = [.. statements.Select(static s => s.Statement)] };
        ReplayVerification verification = Verify(document, policies, observed);
        int size = PolicySize.Of(document);
        return new ReducedPolicy
        {
            Document = document,
            Statements = [.. statements],
            Verification = verification,
            Size = size,
            Notes = Notes(policies, observed, statements, size, options.MaxSize),
        };
    }

    /// <summary>
    /// True when <paramref name="alone"/> (a current statement without its conditions, <see cref="Alone"/>) allows
    /// <paramref name="action"/> on every resource the pattern stands for (the evaluator's pattern-request semantics).
    /// </summary>
    internal static bool Covers(PolicySet alone, string action, string pattern, string principal, CatalogRequestFactory factory)
    {
        RequestContext request = factory.Create(action, pattern, principal);
        return PolicyEvaluator.Evaluate(alone, request, includeTrace: false) is { IsDecidable: true, Decision: Decision.Allowed };
    }

    /// <summary>The policy set of <paramref name="current"/> alone, without its <c>Sid</c> and conditions.</summary>
    internal static PolicySet Alone(Statement current) => new(identityPolicies:
    [
        new PolicyDocument { Version = PolicyDocument.Version2012, Statements = [current with { Sid = null, Conditions = [] }] },
    ]);

    private static ReplayVerification Verify(PolicyDocument document, EffectivePolicies policies, ObservedUsage observed)
    {
        var replay = new ReplayShards(document, policies.Boundary?.Document);
        long still = 0, requests = 0;
        var lost = new SortedSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<KeptRequest, RequestContext>(ReferenceEqualityComparer.Instance);
        foreach (ObservedRequest observedRequest in observed.AllowedRequests)
        {
            requests += observedRequest.Count;
            RequestContext request = observedRequest.Request(shapes);
            EvaluationResult? result = replay.Evaluate(request);
            if (result is null || (result.IsDecidable && result.Decision == Decision.Allowed))
            {
                still += observedRequest.Count;
            }
            else
            {
                string decision = result.IsDecidable ? result.Decision.ToString() : "Undecidable";
                lost.Add($"{observedRequest.EventName}: {request.Action} on {request.Resource} ({decision})");
            }
        }

        return new ReplayVerification { Requests = requests, StillAllowed = still, Lost = [.. lost] };
    }

    /// <summary>The use of <paramref name="action"/> on <paramref name="resource"/>: the uses are sorted by action then resource (ordinal), each pair once.</summary>
    internal static PermissionUse UseOf(ImmutableArray<PermissionUse> uses, string action, string resource)
    {
        int low = 0, high = uses.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int c = string.CompareOrdinal(uses[middle].Action, action);
            c = c != 0 ? c : string.CompareOrdinal(uses[middle].Resource, resource);
            if (c == 0)
            {
                return uses[middle];
            }

            (low, high) = c < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        throw new KeyNotFoundException($"no use of {action} on {resource}");
    }

    private static Statement StatementOf(EffectivePolicies policies, StatementRef reference) =>
        policies.Identity[reference.Policy].Document.Statements[reference.Statement];
}
