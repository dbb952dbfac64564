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

        string[] parts = resource.Split(':', 6);
        if (parts.Length < 6)
        {
            return null;
        }

        if (!parts[3].Contains('*', StringComparison.Ordinal) && !parts[3].Contains('?', StringComparison.Ordinal) && !Region().IsMatch(parts[3]))
        {
            return $"region \"{parts[3]}\" is not a region code";
        }

        if (!parts[4].Contains('*', StringComparison.Ordinal) && !parts[4].Contains('?', StringComparison.Ordinal) && !Account().IsMatch(parts[4]))
        {
            return $"account \"{parts[4]}\" is not a 12-digit account id";
        }

        return null;
    }
}
