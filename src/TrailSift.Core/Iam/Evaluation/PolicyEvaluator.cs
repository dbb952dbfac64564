using System.Collections.Immutable;
using TrailSift.Core.Iam.Evaluation.Internal;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Evaluation;

/*! Iam/Evaluation: the offline IAM evaluator. RequestContext and PolicySet in, EvaluationResult (decision,
    reason, trace, unknown keys) out, following /work/shared/reference/notes/iam-eval.md; plus the simulate
    request format (SimulationRequestParser) and its output (EvaluationResultWriter). Depends on Iam/Policy and
    the BCL; never on Events, Scan or Query (callers build the RequestContext). Internal/ holds the compiled
    policy form, wildcard and ARN matching and three-valued logic for unknown keys. */

/// <summary>
/// Evaluates a request against a policy set with AWS's documented logic: explicit deny first; every RCP and
/// SCP level must allow; a same-account resource-based policy can grant on its own depending on how it names
/// the caller; identity policies must allow otherwise; the permissions boundary and session policy must
/// allow; cross-account requests need both the identity and the resource-based policy to allow.
/// </summary>
/// <remarks>Stateless; thread-safe. Evaluation allocates little beyond the result and, when asked, its trace.</remarks>
public static partial class PolicyEvaluator
{
    /// <summary>Evaluates <paramref name="request"/> against <paramref name="policies"/>.</summary>
    /// <param name="policies">The compiled policy set.</param>
    /// <param name="request">The request.</param>
    /// <param name="includeTrace">False to skip building the statement trace (faster).</param>
    public static EvaluationResult Evaluate(PolicySet policies, RequestContext request, bool includeTrace = true)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(request);
        var state = new EvaluationState(request, includeTrace, callerHasBoundary: policies.Boundaries.Length > 0);
        PrincipalInfo caller = request.PrincipalInfo;

        // SCPs apply to principals of member accounts; a service principal or anonymous caller has none, and AWS
        // documents that they do not affect service-linked roles (AwsRules "scp-service-linked-roles").
        bool scpExempt = caller.IsServiceOrAnonymous || AwsRules.IsServiceLinkedRole(caller);
        bool keyPolicyMissing = policies.Resource is null && IsKeyRequest(request);

        // Notes are rare: the shared empty list is never added to.
        List<string> notes = keyPolicyMissing || (scpExempt && policies.Scps.Length > 0) ? [] : NoNotes;
        Gate rcp = EvaluateLevels(policies.Rcps, state);
        Gate scp = scpExempt ? Gate.Open : EvaluateLevels(policies.Scps, state);
        if (scpExempt && policies.Scps.Length > 0 && AwsRules.Find(AwsRuleKind.ScpExempt, request) is { } exempt)
        {
            notes.Add($"SCPs not applied: {exempt.Statement} ({exempt.SourceUrl})");
        }

        Verdict resource = policies.Resource is not null ? EvaluatePolicy(policies.Resource, state)
            : keyPolicyMissing ? DefaultKeyPolicy(request) : default;
        Tri identity = Tri.False;
        foreach (CompiledPolicy policy in policies.Identity)
        {
            identity = TriLogic.Or(identity, EvaluatePolicy(policy, state).Allow);
        }

        Tri boundary = Tri.True;
        foreach (CompiledPolicy policy in policies.Boundaries)
        {
            boundary = TriLogic.And(boundary, EvaluatePolicy(policy, state).Allow);
        }

        Tri session = policies.Session is not null ? EvaluatePolicy(policies.Session, state).Allow
            : TriLogic.Of(caller.Kind != PrincipalKind.FederatedUser);

        // A VPC endpoint policy must allow the call; naming an account there stands for its root user only.
        Tri endpoint = Tri.True;
        foreach (CompiledPolicy policy in policies.Endpoints)
        {
            Verdict verdict = EvaluatePolicy(policy, state);
            Tri named = TriLogic.Or(verdict.Direct, TriLogic.Or(verdict.Role, caller.Kind == PrincipalKind.Root ? verdict.Account : Tri.False));
            endpoint = TriLogic.And(endpoint, named);
        }

        if (caller.Kind == PrincipalKind.Root)
        {
            // The root user is allowed everything its account owns; only SCPs, RCPs and explicit denies limit it.
            identity = Tri.True;
            boundary = Tri.True;
        }

        var inputs = new DecisionInputs(rcp, scp, resource, identity, boundary, session, endpoint,
            keyPolicyMissing || (policies.Resource is not null && RequiresResourcePolicy(policies, request)));
        EvaluationResult result = Decide(inputs, state, policies);
        if (keyPolicyMissing)
        {
            result = KeyPolicyOutcome(result, policies.MissingKeyPolicy, request, notes);
        }

        return ApplyAwsRules(result, request, notes);
    }

    private static Gate EvaluateLevels(CompiledPolicy[][] levels, EvaluationState state)
    {
        Gate gate = Gate.Open;
        for (int level = 0; level < levels.Length; level++)
        {
            Tri allow = Tri.False;
            foreach (CompiledPolicy policy in levels[level])
            {
                allow = TriLogic.Or(allow, EvaluatePolicy(policy, state).Allow);
            }

            if (allow != Tri.True && gate.FirstFailingLevel < 0)
            {
                gate = gate with { FirstFailingLevel = level };
            }

            gate = gate with { Allow = TriLogic.And(gate.Allow, allow) };
        }

        return gate;
    }

    private static Verdict EvaluatePolicy(CompiledPolicy policy, EvaluationState state)
    {
        RequestContext request = state.Context;
        var verdict = default(Verdict);
        foreach (CompiledStatement statement in policy.Statements)
        {
            if (!statement.MatchesAction(request))
            {
                continue;
            }

            state.BeginStatement();
            StatementElement failed = StatementElement.None;
            PrincipalMatchKind principal = PrincipalMatchKind.None;
            Tri applies = statement.MatchesResource(state);
            if (applies == Tri.False)
            {
                failed = StatementElement.Resource;
            }
            else if (policy.HasPrincipals && (principal = statement.MatchPrincipal(request, state.CallerHasBoundary)) == PrincipalMatchKind.None)
            {
                applies = Tri.False;
                failed = StatementElement.Principal;
            }
            else
            {
                Tri conditions = statement.MatchesConditions(state);
                failed = conditions != Tri.True ? StatementElement.Condition : applies != Tri.True ? StatementElement.Resource : StatementElement.None;
                applies = TriLogic.And(applies, conditions);
            }

            if (statement.Effect == Effect.Deny)
            {
                state.NoteDeny(applies, policy);
            }
            else
            {
                verdict.Add(applies, principal);
            }

            state.EndStatement(applies);
            if (state.Tracing)
            {
                state.AddTrace(new StatementTrace
                {
                    PolicyType = policy.Type,
                    Level = policy.Level,
                    PolicyIndex = policy.Index,
                    StatementIndex = statement.Index,
                    Sid = statement.Source.Sid,
                    Effect = statement.Effect,
                    Outcome = applies switch { Tri.True => MatchOutcome.Matched, Tri.False => MatchOutcome.NotMatched, _ => MatchOutcome.Undecidable },
                    FailedElement = failed,
                    PrincipalMatch = principal,
                });
            }
        }

        return verdict;
    }

    private static bool RequiresResourcePolicy(PolicySet policies, RequestContext request)
    {
        if (policies.RequireResourcePolicyAllow is { } required)
        {
            return required;
        }

        string action = request.Action;
        return action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase)
            || action.StartsWith("sts:AssumeRole", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An RCP or SCP gate: whether every level allows, and the first level that does not surely allow.</summary>
    private readonly record struct Gate(Tri Allow, int FirstFailingLevel)
    {
        public static Gate Open => new(Tri.True, -1);
    }
}
