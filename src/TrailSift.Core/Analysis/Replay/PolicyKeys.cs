using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Replay;

/// <summary>
/// The context keys a policy set reads: condition keys and the keys of policy variables (<c>${aws:username}</c>) in
/// resources and condition values. A replay marks each of them unknown unless the event gives it a value or shows it
/// absent, so a key the trail cannot reveal makes a statement undecidable instead of silently false.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class PolicyKeys
{
    /// <summary>The distinct keys (case-insensitive), sorted.</summary>
    public static IReadOnlyList<string> Collect(PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var keys = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (PolicyDocument document in Documents(policies))
        {
            foreach (Statement statement in document.Statements)
            {
                foreach (PolicyCondition condition in statement.Conditions)
                {
                    keys.Add(condition.Key);
                    foreach (ConditionValue value in condition.Values)
                    {
                        AddVariables(value.Text, keys);
                    }
                }

                foreach (string resource in (statement.Resource ?? statement.NotResource)?.Values ?? [])
                {
                    AddVariables(resource, keys);
                }
            }
        }

        return [.. keys];
    }

    private static IEnumerable<PolicyDocument> Documents(PolicySet policies)
    {
        foreach (PolicyDocument d in policies.IdentityPolicies)
        {
            yield return d;
        }

        foreach (PolicyDocument d in policies.PermissionBoundaries)
        {
            yield return d;
        }

        if (policies.SessionPolicy is { } session)
        {
            yield return session;
        }

        if (policies.ResourcePolicy is { } resource)
        {
            yield return resource;
        }

        foreach (var level in policies.ServiceControlPolicies)
        {
            foreach (PolicyDocument d in level)
            {
                yield return d;
            }
        }

        foreach (var level in policies.ResourceControlPolicies)
        {
            foreach (PolicyDocument d in level)
            {
                yield return d;
            }
        }
    }

    // ${key} or ${key, 'default'}; ${*}, ${?} and ${$} are literals, not keys.
    private static void AddVariables(string text, SortedSet<string> keys)
    {
        int start = 0;
        while ((start = text.IndexOf("${", start, StringComparison.Ordinal)) >= 0)
        {
            int end = text.IndexOf('}', start);
            if (end < 0)
            {
                return;
            }

            string inner = text[(start + 2)..end];
            int comma = inner.IndexOf(',');
            string key = (comma >= 0 ? inner[..comma] : inner).Trim();
            if (key.Contains(':', StringComparison.Ordinal))
            {
                keys.Add(key);
            }

            start = end + 1;
        }
    }
}
