using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Iam.Policy.Lint;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// Lints every policy of a parsed simulate request as <c>trailsift lint</c> would, each as the kind its place in the
/// request gives it (<c>identityPolicies</c> as identity policies, <c>resourcePolicy</c> as resource-based, …), with
/// paths such as <c>identityPolicies[0].Statement[1].Action</c>. <c>simulate</c> refuses a request with errors, so a
/// typo in a policy never looks like a real denial.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class SimulationRequestLinter
{
    /// <summary>The findings for every policy of <paramref name="request"/>.</summary>
    public static ImmutableArray<PolicyDiagnostic> Lint(SimulationRequest request, PolicyLinter linter)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(linter);
        PolicySet set = request.Policies;
        var findings = ImmutableArray.CreateBuilder<PolicyDiagnostic>();
        void Add(PolicyDocument document, PolicyKind kind, string path)
        {
            foreach (PolicyDiagnostic d in linter.Lint(document, kind))
            {
                findings.Add(d with { Path = d.Path.Length == 0 ? path : path + "." + d.Path });
            }
        }

        for (int i = 0; i < set.IdentityPolicies.Length; i++)
        {
            Add(set.IdentityPolicies[i], PolicyKind.Identity, $"identityPolicies[{i}]");
        }

        for (int i = 0; i < set.PermissionBoundaries.Length; i++)
        {
            Add(set.PermissionBoundaries[i], PolicyKind.Boundary, $"permissionBoundaries[{i}]");
        }

        if (set.SessionPolicy is { } session)
        {
            Add(session, PolicyKind.Session, "sessionPolicy");
        }

        if (set.ResourcePolicy is { } resource)
        {
            Add(resource, PolicyKind.Resource, "resourcePolicy");
        }

        for (int level = 0; level < set.ServiceControlPolicies.Length; level++)
        {
            for (int i = 0; i < set.ServiceControlPolicies[level].Length; i++)
            {
                Add(set.ServiceControlPolicies[level][i], PolicyKind.Scp, $"serviceControlPolicies[{level}][{i}]");
            }
        }

        for (int level = 0; level < set.ResourceControlPolicies.Length; level++)
        {
            for (int i = 0; i < set.ResourceControlPolicies[level].Length; i++)
            {
                Add(set.ResourceControlPolicies[level][i], PolicyKind.Rcp, $"resourceControlPolicies[{level}][{i}]");
            }
        }

        for (int i = 0; i < set.EndpointPolicies.Length; i++)
        {
            Add(set.EndpointPolicies[i], PolicyKind.Endpoint, $"endpointPolicies[{i}]");
        }

        return findings.ToImmutable();
    }
}
