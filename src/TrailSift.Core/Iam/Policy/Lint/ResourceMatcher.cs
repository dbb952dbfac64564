using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Iam.Policy.Lint;

/// <summary>
/// Whether a policy resource (an ARN pattern with <c>*</c>/<c>?</c> and policy variables) can name a resource of some
/// resource type of the given actions: both the resource and each ARN template (variables read as <c>*</c>) are
/// wildcard patterns, and the question is whether some ARN matches both.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class ResourceMatcher
{
    public static bool AnyTypeAccepts(IReadOnlyList<ActionInfo> actions, string resource)
    {
        string pattern = VariablesAsStars(resource);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (ActionInfo action in actions)
        {
            foreach (ActionResourceType type in action.ResourceTypes)
            {
                if (type.ResourceType is { } info && tried.Add(info.Arn.Template)
                    && Intersect(pattern, VariablesAsStars(info.Arn.Template)))
                {
                    return true;
                }
            }
        }

        // Only wildcard-only actions: nothing to compare (reported separately).
        return tried.Count == 0;
    }

    /// <summary>Replaces <c>${...}</c> with <c>*</c>.</summary>
    internal static string VariablesAsStars(string text)
    {
        int start = text.IndexOf("${", StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        int i = 0;
        while (start >= 0)
        {
            int end = text.IndexOf('}', start);
            if (end < 0)
            {
                break;
            }

            sb.Append(text, i, start - i).Append('*');
            i = end + 1;
            start = text.IndexOf("${", i, StringComparison.Ordinal);
        }

        return sb.Append(text, i, text.Length - i).ToString();
    }

    /// <summary>True when some string matches both wildcard patterns (<c>*</c> any run, <c>?</c> one character; case-insensitive).</summary>
    internal static bool Intersect(string a, string b)
    {
        // Reachability over (i, j): a star may stay and consume the other side's next symbol, or be skipped.
        var seen = new bool[a.Length + 1, b.Length + 1];
        var stack = new Stack<(int, int)>();
        stack.Push((0, 0));
        while (stack.Count > 0)
        {
            (int i, int j) = stack.Pop();
            if (seen[i, j])
            {
                continue;
            }

            seen[i, j] = true;
            if (i == a.Length && j == b.Length)
            {
                return true;
            }

            bool starA = i < a.Length && a[i] == '*', starB = j < b.Length && b[j] == '*';
            if (starA)
            {
                stack.Push((i + 1, j));
                if (j < b.Length)
                {
                    stack.Push((i, j + 1));
                }
            }

            if (starB)
            {
                stack.Push((i, j + 1));
                if (i < a.Length)
                {
                    stack.Push((i + 1, j));
                }
            }

            if (!starA && !starB && i < a.Length && j < b.Length
                && (a[i] == '?' || b[j] == '?' || char.ToLowerInvariant(a[i]) == char.ToLowerInvariant(b[j])))
            {
                stack.Push((i + 1, j + 1));
            }
        }

        return false;
    }
}
