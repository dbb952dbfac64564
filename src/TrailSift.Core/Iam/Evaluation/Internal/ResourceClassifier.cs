namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>
/// What a policy set can tell apart about the resource of requests for one action: the evaluator reads a resource
/// without wildcards only through the Resource and NotResource entries of the statements whose Action matches the action
/// (each entry's match is the same function of the resource), through its account (<see cref="RequestContext.ResourceAccount"/>),
/// and, for a few actions, through AWS's own rules and KMS key policies. <see cref="Classify"/> gives two resources of
/// one action the same class exactly when every such entry matches them alike, so two requests that differ only in a
/// resource of one class (and one account) are decided alike: same decision, decidability and statement outcomes.
/// </summary>
/// <remarks>
/// <see cref="IsExact"/> (the resource must be compared as text) when an entry holds policy variables (its match depends
/// on the context), when there are more than 32 distinct entries, for <c>kms:</c> actions (whether the resource is a key
/// decides whether a key policy takes part) and for actions an AWS rule names (<see cref="AwsRules"/>). Immutable; thread-safe.
/// </remarks>
internal sealed class ResourceClassifier
{
    private const int MaxEntries = 32;
    private readonly ResourcePattern[] _entries;

    private ResourceClassifier(ResourcePattern[] entries, bool exact)
    {
        _entries = entries;
        IsExact = exact;
    }

    /// <summary>True when resources of this action are told apart by their text only.</summary>
    public bool IsExact { get; }

    /// <summary>The classifier for requests of <paramref name="action"/> against <paramref name="policies"/>.</summary>
    public static ResourceClassifier For(PolicySet policies, string action)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(action);
        bool actionIsPattern = WildcardMatch.HasWildcard(action);
        bool exact = action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase) || AwsRules.ConcernsAction(action);
        var entries = new List<ResourcePattern>();
        foreach (CompiledPolicy policy in policies.Compiled())
        {
            foreach (CompiledStatement statement in policy.Statements)
            {
                if (exact || !statement.MatchesAction(action, actionIsPattern))
                {
                    continue;
                }

                foreach (ResourcePattern entry in statement.Resources)
                {
                    exact |= entry.IsTemplate;
                    if (!entries.Exists(e => string.Equals(e.Text, entry.Text, StringComparison.Ordinal)))
                    {
                        entries.Add(entry);
                    }
                }
            }
        }

        exact |= entries.Count > MaxEntries;
        return new ResourceClassifier(exact ? [] : [.. entries], exact);
    }

    /// <summary>
    /// The class of <paramref name="resource"/> (no wildcards, or <c>*</c>): two bits per entry, its match (<see cref="Tri"/>).
    /// Only when not <see cref="IsExact"/>.
    /// </summary>
    public ulong Classify(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArnSegments segments = ArnSegments.Split(resource);
        ulong bits = 0;
        for (int i = 0; i < _entries.Length; i++)
        {
            bits |= (ulong)_entries[i].MatchesResource(resource, segments) << (2 * i);
        }

        return bits;
    }
}
