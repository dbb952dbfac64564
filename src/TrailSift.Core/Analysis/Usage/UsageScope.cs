using System.Collections.Frozen;
using System.Collections.Immutable;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// What a usage scan replays against: the authorization details, the principals asked about with their effective
/// policies (compiled once) and the context keys those policies read, the mapper and the request factory.
/// </summary>
/// <remarks>Immutable after construction; shared read-only by every scan worker.</remarks>
public sealed class UsageScope
{
    private readonly FrozenDictionary<string, int> _byArn;

    /// <summary>Creates the scope.</summary>
    public UsageScope(AuthorizationDetails details, IEnumerable<EffectivePolicies> principals,
        EventPermissionMapper? mapper = null, CatalogRequestFactory? factory = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(principals);
        Details = details;
        Principals = [.. principals];
        PolicySets = [.. Principals.Select(static p => p.ToPolicySet())];
        PolicyKeySets = [.. PolicySets.Select(static s => PolicyKeys.Collect(s).ToImmutableArray())];
        NeedsLedger = [.. PolicyKeySets.Select(static keys => keys.Any(IsResourceTagKey))];
        KeySelections = [.. PolicyKeySets.Select(static keys => new ContextKeySelection(keys))];
        Mapper = mapper ?? EventPermissionMapper.Default;
        Factory = factory ?? CatalogRequestFactory.Default;
        _byArn = Principals.Select(static (p, i) => (p.Principal.Arn, i))
            .ToFrozenDictionary(static x => x.Arn, static x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The authorization details.</summary>
    public AuthorizationDetails Details { get; }

    /// <summary>The principals asked about.</summary>
    public ImmutableArray<EffectivePolicies> Principals { get; }

    /// <summary>Their policy sets, same order.</summary>
    public ImmutableArray<PolicySet> PolicySets { get; }

    /// <summary>The context keys each principal's policies read (conditions and policy variables), same order.</summary>
    public ImmutableArray<ImmutableArray<string>> PolicyKeySets { get; }

    /// <summary>The same keys as <see cref="PolicyKeySets"/>, as what a call's context reading is restricted to.</summary>
    public ImmutableArray<ContextKeySelection> KeySelections { get; }

    /// <summary>
    /// Per principal, true when its policies read a resource's tags (<c>aws:ResourceTag/…</c>, <c>ec2:ResourceTag/…</c>):
    /// its calls can be judged only once the tagging facts of the whole input are known.
    /// </summary>
    public ImmutableArray<bool> NeedsLedger { get; }

    /// <summary>Event → permissions.</summary>
    public EventPermissionMapper Mapper { get; }

    /// <summary>Builds requests with the catalog's knowledge.</summary>
    public CatalogRequestFactory Factory { get; }

    /// <summary>The index of the principal a policy target names (<c>role/NAME</c> without path too), or -1.</summary>
    public int IndexOf(string? policyTarget)
    {
        if (policyTarget is null)
        {
            return -1;
        }

        if (_byArn.TryGetValue(policyTarget, out int index))
        {
            return index;
        }

        return Details.TryFindPrincipal(policyTarget, out IamEntity? entity) && _byArn.TryGetValue(entity.Arn, out index) ? index : -1;
    }

    private static bool IsResourceTagKey(string key) =>
        key.Contains(":ResourceTag/", StringComparison.OrdinalIgnoreCase) || key.EndsWith(":ResourceTag", StringComparison.OrdinalIgnoreCase);
}
