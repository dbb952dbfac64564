using System.Globalization;
using System.Text.RegularExpressions;

namespace TrailSift.Core.Sources;

/// <summary>What a CloudTrail log object's name reveals: <c>&lt;account&gt;_CloudTrail_&lt;region&gt;_&lt;YYYYMMDDTHHMMZ&gt;_&lt;id&gt;.json.gz</c>.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed partial record CloudTrailObjectName(string Account, string Region, DateTimeOffset DeliveryTime, bool IsDigest)
{
    [GeneratedRegex(@"^(?<acct>\d{12})_CloudTrail(?<digest>-Digest)?_(?<region>[a-z0-9-]+)_(?:.*_)?(?<ts>\d{8}T\d{4,6}Z)(?:_[^.]*)?\.json(?:\.gz)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    /// <summary>Parses the file-name part of <paramref name="path"/>; null when it does not follow the layout.</summary>
    public static CloudTrailObjectName? TryParse(string path)
    {
        string file = System.IO.Path.GetFileName(path.Replace('\\', '/'));
        Match m = FileNamePattern().Match(file);
        if (!m.Success)
        {
            return null;
        }

        string ts = m.Groups["ts"].Value;
        string format = ts.Length == 14 ? "yyyyMMdd'T'HHmm'Z'" : "yyyyMMdd'T'HHmmss'Z'";
        if (!DateTimeOffset.TryParseExact(ts, format, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time))
        {
            return null;
        }

        return new CloudTrailObjectName(m.Groups["acct"].Value, m.Groups["region"].Value, time, m.Groups["digest"].Success);
    }
}
