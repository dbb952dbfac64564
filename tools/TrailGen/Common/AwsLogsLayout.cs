using System.Globalization;

namespace TrailSift.Tools.TrailGen.Common;

/// <summary>
/// Paths of the S3 layout CloudTrail writes:
/// <c>AWSLogs/&lt;acct&gt;/CloudTrail/&lt;region&gt;/YYYY/MM/DD/&lt;acct&gt;_CloudTrail_&lt;region&gt;_&lt;YYYYMMDDTHHMMZ&gt;_&lt;16 alnum&gt;.json.gz</c>.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class AwsLogsLayout
{
    /// <summary>CloudTrail delivers a file about every five minutes per region.</summary>
    public static readonly TimeSpan FilePeriod = TimeSpan.FromMinutes(5);

    /// <summary>The path of a log file delivered at <paramref name="delivery"/>.</summary>
    public static string LogFile(string root, string account, string region, DateTimeOffset delivery, string suffix)
    {
        string dir = DayDirectory(root, account, "CloudTrail", region, delivery);
        string stamp = delivery.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(dir, $"{account}_CloudTrail_{region}_{stamp}_{suffix}.json.gz");
    }

    /// <summary>The path of an hourly digest file (which readers must skip).</summary>
    public static string DigestFile(string root, string account, string region, string trailName, DateTimeOffset end)
    {
        string dir = DayDirectory(root, account, "CloudTrail-Digest", region, end);
        string stamp = end.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(dir, $"{account}_CloudTrail-Digest_{region}_{trailName}_{region}_{stamp}.json.gz");
    }

    /// <summary>The start of the five-minute period holding <paramref name="time"/>.</summary>
    public static DateTimeOffset PeriodStart(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % FilePeriod.Ticks), TimeSpan.Zero);

    private static string DayDirectory(string root, string account, string kind, string region, DateTimeOffset t) =>
        Path.Combine(root, "AWSLogs", account, kind, region,
            t.UtcDateTime.ToString("yyyy", CultureInfo.InvariantCulture),
            t.UtcDateTime.ToString("MM", CultureInfo.InvariantCulture),
            t.UtcDateTime.ToString("dd", CultureInfo.InvariantCulture));
}
