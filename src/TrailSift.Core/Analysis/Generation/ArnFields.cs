using System.Text.RegularExpressions;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// Whether an ARN's region and account fields have shapes IAM accepts in a policy: a region code
/// (<c>us-east-1</c>, <c>us-gov-west-1</c>), empty or a wildcard; twelve digits, empty or a wildcard. Events from
/// hand-made fixtures carry others (<c>us-north-2r</c>, a nine-digit account); IAM would reject a policy naming them.
/// </summary>
/// <remarks>Static; thread-safe.</remarks>
public static partial class ArnFields
{
    [GeneratedRegex(@"^([a-z]{2}(-[a-z]+)+-\d{1,2})?$")]
    private static partial Regex Region();

    [GeneratedRegex(@"^(\d{12}|aws)?$")]
    private static partial Regex Account();

    /// <summary>Null when the ARN's fields are acceptable (or it is not an ARN), else why not.</summary>
    public static string? Problem(string resource)
    {
        if (!resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        // The fields between the third and fourth colons (region) and the fourth and fifth (account), read in place.
        ReadOnlySpan<char> rest = resource.AsSpan(4);
        int partition = rest.IndexOf(':');
        int service = partition < 0 ? -1 : rest[(partition + 1)..].IndexOf(':');
        if (service < 0)
        {
            return null;
        }

        rest = rest[(partition + service + 2)..];
        int regionEnd = rest.IndexOf(':');
        int accountEnd = regionEnd < 0 ? -1 : rest[(regionEnd + 1)..].IndexOf(':');
        if (accountEnd < 0)
        {
            return null;
        }

        ReadOnlySpan<char> region = rest[..regionEnd];
        ReadOnlySpan<char> account = rest.Slice(regionEnd + 1, accountEnd);
        if (region.IndexOfAny('*', '?') < 0 && !Region().IsMatch(region))
        {
            return $"region \"{region}\" is not a region code";
        }

        if (account.IndexOfAny('*', '?') < 0 && !Account().IsMatch(account))
        {
            return $"account \"{account}\" is not a 12-digit account id";
        }

        return null;
    }
}
