using System.Globalization;

namespace TrailSift.Core.Sources;

/// <summary>Where a directory sits in the <c>AWSLogs/[o-org/]account/CloudTrail/region/YYYY/MM/DD</c> layout.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record LayoutPosition(LayoutLevel Level, string? Account = null, string? Region = null, int Year = 0, int Month = 0, int Day = 0)
{
    /// <summary>Outside any recognised layout: nothing can be pruned by path.</summary>
    public static LayoutPosition Outside { get; } = new(LayoutLevel.Outside);

    /// <summary>The position of a child directory named <paramref name="name"/>.</summary>
    public LayoutPosition Child(string name)
    {
        switch (Level)
        {
            case LayoutLevel.Outside:
                return name == "AWSLogs" ? new LayoutPosition(LayoutLevel.AwsLogs) : Outside;
            case LayoutLevel.AwsLogs:
                if (IsAccount(name))
                {
                    return new LayoutPosition(LayoutLevel.Account, name);
                }

                return name.StartsWith("o-", StringComparison.Ordinal) ? new LayoutPosition(LayoutLevel.Organization) : Outside;
            case LayoutLevel.Organization:
                return IsAccount(name) ? new LayoutPosition(LayoutLevel.Account, name) : Outside;
            case LayoutLevel.Account:
                return name switch
                {
                    "CloudTrail" or "CloudTrail-Insight" => this with { Level = LayoutLevel.Trail },
                    "CloudTrail-Digest" => this with { Level = LayoutLevel.Digest },
                    _ => Outside,
                };
            case LayoutLevel.Trail:
                return this with { Level = LayoutLevel.Region, Region = name };
            case LayoutLevel.Region:
                return TryNumber(name, 4, out int y) ? this with { Level = LayoutLevel.Year, Year = y } : Outside;
            case LayoutLevel.Year:
                return TryNumber(name, 2, out int m) && m is >= 1 and <= 12 ? this with { Level = LayoutLevel.Month, Month = m } : Outside;
            case LayoutLevel.Month:
                return TryNumber(name, 2, out int d) && d >= 1 && d <= DateTime.DaysInMonth(Year, Month)
                    ? this with { Level = LayoutLevel.Day, Day = d }
                    : Outside;
            default:
                return Outside;
        }
    }

    /// <summary>
    /// The position of a directory or key prefix given by its segments (<c>/</c>-separated, as an S3 key or an
    /// absolute local path): walks them from the last <c>AWSLogs</c>. Pure string work; callers resolve
    /// relative local paths first.
    /// </summary>
    public static LayoutPosition OfSegments(string path)
    {
        string[] segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        int start = Array.LastIndexOf(segments, "AWSLogs");
        if (start < 0)
        {
            return Outside;
        }

        LayoutPosition p = new(LayoutLevel.AwsLogs);
        for (int i = start + 1; i < segments.Length && p.Level != LayoutLevel.Outside; i++)
        {
            p = p.Child(segments[i]);
        }

        return p;
    }

    /// <summary>Why a directory at this position can be skipped, or null when it must be read.</summary>
    public string? PruneReason(PruneOptions options)
    {
        if (Level == LayoutLevel.Digest)
        {
            return "digest";
        }

        if (Account is not null && options.Accounts.Count > 0 && !options.Accounts.Contains(Account))
        {
            return "account";
        }

        if (Region is not null && options.Regions.Count > 0 && !options.Regions.Contains(Region))
        {
            return "region";
        }

        if (Level is LayoutLevel.Year or LayoutLevel.Month or LayoutLevel.Day)
        {
            var from = new DateTimeOffset(Year, Level == LayoutLevel.Year ? 1 : Month, Level == LayoutLevel.Day ? Day : 1, 0, 0, 0, TimeSpan.Zero);
            DateTimeOffset to = Level switch
            {
                LayoutLevel.Year => from.AddYears(1),
                LayoutLevel.Month => from.AddMonths(1),
                _ => from.AddDays(1),
            };
            if (!options.KeepsPeriod(from, to))
            {
                return "time";
            }
        }

        return null;
    }

    private static bool IsAccount(string name) => name.Length == 12 && name.All(char.IsAsciiDigit);

    private static bool TryNumber(string name, int digits, out int value)
    {
        value = 0;
        return name.Length == digits && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>Levels of the CloudTrail S3 layout.</summary>
public enum LayoutLevel
{
    Outside,
    AwsLogs,
    Organization,
    Account,
    Trail,
    Digest,
    Region,
    Year,
    Month,
    Day,
}
