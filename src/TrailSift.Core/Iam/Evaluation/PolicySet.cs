using System.Collections.Immutable;
using TrailSift.Core.Iam.Evaluation.Internal;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// The policies that take part in evaluating requests of one caller: identity policies, permissions
/// boundaries, an optional session policy, an optional resource-based policy, and SCPs and RCPs per
/// organisation level (root first). A part that is absent (null or empty) does not take part; an SCP or RCP
/// level that is present but empty allows nothing. Policies are compiled once, when the set is created.
/// </summary>
/// <remarks>Immutable and thread-safe: one set can evaluate many requests in parallel.</remarks>
public sealed class PolicySet
{
    /// <summary>Creates and compiles a policy set.</summary>
    /// <param name="identityPolicies">The caller's identity-based policies (user, group and role policies).</param>
    /// <param name="permissionBoundaries">The caller's permissions boundary (each listed boundary must allow).</param>
    /// <param name="sessionPolicy">The session policy, when the caller is a session created with one.</param>
    /// <param name="resourcePolicy">The resource's resource-based policy (bucket, key, trust policy, …).</param>
    /// <param name="serviceControlPolicies">SCPs of the caller's account per level, root first.</param>
    /// <param name="resourceControlPolicies">RCPs of the resource's account per level, root first.</param>
    /// <param name="endpointPolicies">Policies of the VPC endpoint the calls go through (each must allow); empty when
    /// the calls do not go through an endpoint.</param>
    /// <param name="missingKeyPolicy">What to assume about a KMS key when <paramref name="resourcePolicy"/> is null.</param>
    /// <param name="requireResourcePolicyAllow">True when the resource policy must allow even in the same account
    /// (role trust policies, KMS key policies). Null decides from the action: <c>kms:*</c> and <c>sts:AssumeRole*</c>.</param>
    public PolicySet(
        IEnumerable<PolicyDocument>? identityPolicies = null,
        IEnumerable<PolicyDocument>? permissionBoundaries = null,
        PolicyDocument? sessionPolicy = null,
        PolicyDocument? resourcePolicy = null,
        IEnumerable<IEnumerable<PolicyDocument>>? serviceControlPolicies = null,
        IEnumerable<IEnumerable<PolicyDocument>>? resourceControlPolicies = null,
        bool? requireResourcePolicyAllow = null,
        IEnumerable<PolicyDocument>? endpointPolicies = null,
        MissingKeyPolicy missingKeyPolicy = MissingKeyPolicy.Undecidable)
    {
        EndpointPolicies = [.. endpointPolicies ?? []];
        MissingKeyPolicy = missingKeyPolicy;
        Endpoints = Compile(EndpointPolicies, PolicyType.EndpointPolicy, -1);
        IdentityPolicies = [.. identityPolicies ?? []];
        PermissionBoundaries = [.. permissionBoundaries ?? []];
        SessionPolicy = sessionPolicy;
        ResourcePolicy = resourcePolicy;
        ServiceControlPolicies = Levels(serviceControlPolicies);
        ResourceControlPolicies = Levels(resourceControlPolicies);
        RequireResourcePolicyAllow = requireResourcePolicyAllow;

        Identity = Compile(IdentityPolicies, PolicyType.IdentityPolicy, -1);
        Boundaries = Compile(PermissionBoundaries, PolicyType.PermissionsBoundary, -1);
        Session = sessionPolicy is null ? null : new CompiledPolicy(sessionPolicy, PolicyType.SessionPolicy, -1, 0);
        Resource = resourcePolicy is null ? null : new CompiledPolicy(resourcePolicy, PolicyType.ResourcePolicy, -1, 0);
        Scps = CompileLevels(ServiceControlPolicies, PolicyType.ServiceControlPolicy);
        Rcps = CompileLevels(ResourceControlPolicies, PolicyType.ResourceControlPolicy);
    }

    /// <summary>The identity-based policies.</summary>
    public ImmutableArray<PolicyDocument> IdentityPolicies { get; }

    /// <summary>The permissions boundaries (usually zero or one).</summary>
    public ImmutableArray<PolicyDocument> PermissionBoundaries { get; }

    /// <summary>The session policy, or null.</summary>
    public PolicyDocument? SessionPolicy { get; }

    /// <summary>The resource-based policy, or null.</summary>
    public PolicyDocument? ResourcePolicy { get; }

    /// <summary>SCPs per level, root first (empty when SCPs do not apply).</summary>
    public ImmutableArray<ImmutableArray<PolicyDocument>> ServiceControlPolicies { get; }

    /// <summary>RCPs per level, root first (empty when RCPs do not apply).</summary>
    public ImmutableArray<ImmutableArray<PolicyDocument>> ResourceControlPolicies { get; }

    /// <summary>The VPC endpoint policies (empty when the calls do not go through an endpoint).</summary>
    public ImmutableArray<PolicyDocument> EndpointPolicies { get; }

    /// <summary>What is assumed about a KMS key without a key policy in the set.</summary>
    public MissingKeyPolicy MissingKeyPolicy { get; }

    /// <summary>Whether the resource policy must allow in the same account; null decides from the action.</summary>
    public bool? RequireResourcePolicyAllow { get; }

    internal CompiledPolicy[] Identity { get; }

    internal CompiledPolicy[] Boundaries { get; }

    internal CompiledPolicy[] Endpoints { get; }

    internal CompiledPolicy? Session { get; }

    internal CompiledPolicy? Resource { get; }

    internal CompiledPolicy[][] Scps { get; }

    internal CompiledPolicy[][] Rcps { get; }

    /// <summary>Every compiled policy of the set, whatever its kind (identity, boundary, endpoint, session, resource, SCP, RCP).</summary>
    internal IEnumerable<CompiledPolicy> Compiled()
    {
        foreach (CompiledPolicy p in Identity)
        {
            yield return p;
        }

        foreach (CompiledPolicy p in Boundaries)
        {
            yield return p;
        }

        foreach (CompiledPolicy p in Endpoints)
        {
            yield return p;
        }

        if (Session is { } session)
        {
            yield return session;
        }

        if (Resource is { } resource)
        {
            yield return resource;
        }

        foreach (CompiledPolicy[] level in Scps)
        {
            foreach (CompiledPolicy p in level)
            {
                yield return p;
            }
        }

        foreach (CompiledPolicy[] level in Rcps)
        {
            foreach (CompiledPolicy p in level)
            {
                yield return p;
            }
        }
    }

    private static ImmutableArray<ImmutableArray<PolicyDocument>> Levels(IEnumerable<IEnumerable<PolicyDocument>>? levels)
    {
        var builder = ImmutableArray.CreateBuilder<ImmutableArray<PolicyDocument>>();
        foreach (IEnumerable<PolicyDocument> level in levels ?? [])
        {
            builder.Add([.. level]);
        }

        return builder.ToImmutable();
    }

    private static CompiledPolicy[] Compile(ImmutableArray<PolicyDocument> documents, PolicyType type, int level)
    {
        var compiled = new CompiledPolicy[documents.Length];
        for (int i = 0; i < compiled.Length; i++)
        {
            compiled[i] = new CompiledPolicy(documents[i], type, level, i);
        }

        return compiled;
    }

    private static CompiledPolicy[][] CompileLevels(ImmutableArray<ImmutableArray<PolicyDocument>> levels, PolicyType type)
    {
        var compiled = new CompiledPolicy[levels.Length][];
        for (int level = 0; level < compiled.Length; level++)
        {
            compiled[level] = Compile(levels[level], type, level);
        }

        return compiled;
    }
}
