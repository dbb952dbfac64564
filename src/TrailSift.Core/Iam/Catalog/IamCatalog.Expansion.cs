using System.Collections.Immutable;
using TrailSift.Core.Common;

namespace TrailSift.Core.Iam.Catalog;

// Action patterns and resource-type lookup.
public sealed partial class IamCatalog
{
    /// <summary>
    /// The actions an IAM action pattern covers, in canonical spelling, sorted by service then name. Patterns use
    /// <c>*</c> and <c>?</c> and match the whole <c>prefix:Name</c> ignoring case, as IAM does: <c>s3:Get*</c>,
    /// <c>*:List*</c>, <c>iam:Pass?ole</c>, <c>*</c>. A pattern without wildcards gives its one action when it
    /// exists; an unknown action or a pattern without a colon (other than a bare wildcard) gives nothing.
    /// </summary>
    public ImmutableArray<ActionInfo> ExpandActionPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ReadOnlySpan<char> text = pattern.AsSpan().Trim();
        if (!AwsWildcard.ContainsWildcard(text))
        {
            return TryGetAction(text, out ActionInfo? exact) ? [exact] : [];
        }

        var found = ImmutableArray.CreateBuilder<ActionInfo>();
        int colon = text.IndexOf(':');
        ReadOnlySpan<char> servicePart = colon < 0 ? default : text[..colon];
        if (colon >= 0 && !AwsWildcard.ContainsWildcard(servicePart))
        {
            // Fast path: one service, match the names only.
            if (_servicesBySpan.TryGetValue(servicePart, out ServiceInfo? service))
            {
                AddMatches(service, text[(colon + 1)..], matchFullName: false, found);
            }
        }
        else if (colon >= 0 || IsAllStars(text))
        {
            foreach (ServiceInfo service in Services)
            {
                AddMatches(service, text, matchFullName: true, found);
            }
        }

        return found.DrainToImmutable();
    }

    /// <summary>
    /// The resource types of <paramref name="action"/> (<c>prefix:Name</c>, any case) whose ARN template
    /// <paramref name="arn"/> fits; empty for unknown actions and for actions without resource types.
    /// </summary>
    public ImmutableArray<ActionResourceType> FindResourceTypes(string action, string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return TryGetAction(action, out ActionInfo? info) ? info.FindResourceTypes(arn) : [];
    }

    private static void AddMatches(ServiceInfo service, ReadOnlySpan<char> pattern, bool matchFullName,
        ImmutableArray<ActionInfo>.Builder found)
    {
        foreach (ActionInfo action in service.Actions)
        {
            string candidate = matchFullName ? action.FullName : action.Name;
            if (AwsWildcard.IsMatchIgnoreCase(pattern, candidate))
            {
                found.Add(action);
            }
        }
    }

    private static bool IsAllStars(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept('*');
}
