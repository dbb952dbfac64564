using System.Collections.Immutable;
using TrailSift.Core.Iam.Evaluation.Internal;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>Combining per-policy verdicts into the decision (iam-eval.md §1–§3).</summary>
public static partial class PolicyEvaluator
{
    private static EvaluationResult Decide(DecisionInputs x, EvaluationState state, PolicySet policies)
    {
        RequestContext request = state.Context;
        PrincipalInfo caller = request.PrincipalInfo;
        Verdict resource = x.Resource;
        Tri anyResource = TriLogic.Or(resource.Direct, TriLogic.Or(resource.Role, resource.Account));
        Tri guardrails = TriLogic.And(x.Rcp.Allow, x.Scp.Allow);
        Tri principalSide = TriLogic.And(x.Identity, TriLogic.And(x.Boundary, x.Session));
        Tri grant;
        if (caller.IsServiceOrAnonymous)
        {
            // Only a resource-based policy can grant to a service principal or an anonymous caller.
            grant = resource.Direct;
        }
        else if (request.IsSameAccount)
        {
            // Naming the caller directly overrides identity, boundary and session implicit denies; naming its
            // role overrides only the identity one; naming the account just delegates to IAM (§2).
            Tri viaRole = TriLogic.And(resource.Role, TriLogic.And(x.Boundary, x.Session));
            grant = TriLogic.Or(resource.Direct, TriLogic.Or(viaRole, principalSide));
            if (x.ResourceRequired)
            {
                grant = TriLogic.And(grant, anyResource);
            }
        }
        else
        {
            // Cross-account: both sides must allow; there is no shortcut (§3).
            grant = TriLogic.And(principalSide, anyResource);
        }

        Tri beforeEndpoint = TriLogic.And(guardrails, grant);
        Tri allowed = TriLogic.And(beforeEndpoint, x.Endpoint);
        Tri deny = state.Deny;
        ImmutableArray<Decision> possible = Possible(deny, allowed);
        Decision decision = deny == Tri.True ? Decision.ExplicitlyDenied : allowed == Tri.True ? Decision.Allowed : Decision.ImplicitlyDenied;

        DecisionReason reason;
        PolicyType? type;
        int level = -1, index = -1;
        if (decision == Decision.ExplicitlyDenied)
        {
            CompiledPolicy denying = state.DenyingPolicy!;
            (reason, type, level, index) = (DecisionReason.ExplicitDeny, denying.Type, denying.Level, denying.Index);
        }
        else if (decision == Decision.Allowed)
        {
            reason = DecisionReason.Allowed;
            type = principalSide == Tri.True && !caller.IsServiceOrAnonymous ? PolicyType.IdentityPolicy : PolicyType.ResourcePolicy;
        }
        else if (beforeEndpoint == Tri.True)
        {
            (reason, type) = (DecisionReason.EndpointPolicyLacksAllow, PolicyType.EndpointPolicy);
        }
        else if (x.Rcp.Allow != Tri.True)
        {
            (reason, type, level) = (DecisionReason.ResourceControlPolicyLacksAllow, PolicyType.ResourceControlPolicy, x.Rcp.FirstFailingLevel);
        }
        else if (x.Scp.Allow != Tri.True)
        {
            (reason, type, level) = (DecisionReason.ServiceControlPolicyLacksAllow, PolicyType.ServiceControlPolicy, x.Scp.FirstFailingLevel);
        }
        else
        {
            (reason, type) = ImplicitDenyCause(x, caller, request.IsSameAccount, anyResource, policies);
        }

        ImmutableArray<string> unknown = state.UnknownKeys is null ? [] : [.. state.UnknownKeys];
        return new EvaluationResult(decision, possible, reason, type, level, index, unknown, state.TraceOrEmpty());
    }

    private static (DecisionReason, PolicyType?) ImplicitDenyCause(DecisionInputs x, PrincipalInfo caller, bool sameAccount,
        Tri anyResource, PolicySet policies)
    {
        if (caller.IsServiceOrAnonymous)
        {
            return (DecisionReason.ResourcePolicyLacksAllow, PolicyType.ResourcePolicy);
        }

        bool somethingGrants = x.Identity == Tri.True || (sameAccount && (x.Resource.Direct == Tri.True || x.Resource.Role == Tri.True));
        if (!somethingGrants)
        {
            return (DecisionReason.NoAllow, policies.Identity.Length > 0 || policies.Resource is null ? PolicyType.IdentityPolicy : PolicyType.ResourcePolicy);
        }

        bool direct = sameAccount && x.Resource.Direct == Tri.True;
        if (!direct && x.Boundary != Tri.True)
        {
            return (DecisionReason.PermissionsBoundaryLacksAllow, PolicyType.PermissionsBoundary);
        }

        if (!direct && x.Session != Tri.True)
        {
            return (DecisionReason.SessionPolicyLacksAllow, PolicyType.SessionPolicy);
        }

        if (anyResource != Tri.True)
        {
            return (DecisionReason.ResourcePolicyLacksAllow, PolicyType.ResourcePolicy);
        }

        return (DecisionReason.NoAllow, PolicyType.IdentityPolicy);
    }

    // Every combination is precomputed so a decidable evaluation allocates no decision list.
    private static readonly ImmutableArray<Decision> OnlyImplicit = [Decision.ImplicitlyDenied];
    private static readonly ImmutableArray<Decision> OnlyAllowed = [Decision.Allowed];
    private static readonly ImmutableArray<Decision> OnlyExplicit = [Decision.ExplicitlyDenied];
    private static readonly ImmutableArray<Decision> ImplicitOrAllowed = [Decision.ImplicitlyDenied, Decision.Allowed];
    private static readonly ImmutableArray<Decision> ImplicitOrExplicit = [Decision.ImplicitlyDenied, Decision.ExplicitlyDenied];
    private static readonly ImmutableArray<Decision> AllowedOrExplicit = [Decision.Allowed, Decision.ExplicitlyDenied];
    private static readonly ImmutableArray<Decision> AnyDecision = [Decision.ImplicitlyDenied, Decision.Allowed, Decision.ExplicitlyDenied];

    private static ImmutableArray<Decision> Possible(Tri deny, Tri allowed) => (deny, allowed) switch
    {
        (Tri.True, _) => OnlyExplicit,
        (Tri.False, Tri.True) => OnlyAllowed,
        (Tri.False, Tri.False) => OnlyImplicit,
        (Tri.False, _) => ImplicitOrAllowed,
        (_, Tri.True) => AllowedOrExplicit,
        (_, Tri.False) => ImplicitOrExplicit,
        _ => AnyDecision,
    };

    /// <summary>What a policy's Allow statements grant; for resource-based policies split by how they name the caller.</summary>
    private struct Verdict
    {
        public Tri Allow;
        public Tri Direct;
        public Tri Role;
        public Tri Account;

        public void Add(Tri applies, PrincipalMatchKind kind)
        {
            Allow = TriLogic.Or(Allow, applies);
            switch (kind)
            {
                case PrincipalMatchKind.Direct:
                    Direct = TriLogic.Or(Direct, applies);
                    break;
                case PrincipalMatchKind.Role:
                    Role = TriLogic.Or(Role, applies);
                    break;
                case PrincipalMatchKind.Account:
                    Account = TriLogic.Or(Account, applies);
                    break;
            }
        }
    }

    private readonly record struct DecisionInputs(Gate Rcp, Gate Scp, Verdict Resource, Tri Identity, Tri Boundary, Tri Session,
        Tri Endpoint, bool ResourceRequired);
}
