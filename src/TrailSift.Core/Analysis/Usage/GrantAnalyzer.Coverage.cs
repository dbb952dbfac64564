using System.Globalization;
using TrailSift.Core.Common;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

// Coverage (no data) and Access Advisor evidence.
public static partial class GrantAnalyzer
{
    /// <summary>Why the input cannot judge the statement (account, time or regions not covered), or null.</summary>
    private static string? NoData(Statement statement, IamEntity principal, InputCoverage coverage)
    {
        if (coverage.Events == 0)
        {
            return "the input holds no events";
        }

        if (!coverage.CoversAccount(principal.Account))
        {
            return $"the input holds no events of account {principal.Account}";
        }

        // A statement whose date conditions allow no request in the input's time span is about another time.
        if (ConditionTimeWindow.Of(statement) is { } window && coverage.LastTicks > 0
            && !window.Overlaps(coverage.FirstTicks, coverage.LastTicks))
        {
            return $"the statement's time condition allows requests only {window.Describe()}, outside the input's time span "
                + $"({Day(coverage.FirstTicks)} to {Day(coverage.LastTicks)})";
        }

        // A statement whose every resource names a region (no wildcard) is about those regions only.
        if (statement.Resource is { } resources)
        {
            var regions = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string resource in resources.Values)
            {
                if (!Arn.TryParse(resource, out Arn arn) || arn.Region.Length == 0 || AwsWildcard.ContainsWildcard(arn.Region))
                {
                    return null;
                }

                regions.Add(arn.Region);
            }

            if (regions.Count > 0 && !regions.Any(r => coverage.CoversRegion(principal.Account, r)))
            {
                return $"the input holds no events in {string.Join(", ", regions)} (account {principal.Account})";
            }
        }

        return null;
    }

    /// <summary>The account, regions and time span the input covers, for an "unused" reason.</summary>
    internal static string Scope(string account, InputCoverage coverage)
    {
        string regions = coverage.Regions.TryGetValue(account, out var list) ? string.Join(", ", list) : string.Empty;
        return $"account {account}; {regions}; {Day(coverage.FirstTicks)} to {Day(coverage.LastTicks)}";
    }

    private static string Day(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// What Access Advisor says: a tracked action attempted (true: evidence of use), a tracked action or a whole
    /// service not attempted in the tracking period (false: evidence of non-use), or only a service's last access (null).
    /// </summary>
    private static (string? Advice, bool? Used) Advise(string action, string prefix, AccessAdvisorReport? report)
    {
        if (report is null)
        {
            return (null, null);
        }

        if (report.TryGetTrackedAction(action, out ActionLastAccess? tracked))
        {
            return tracked.LastAccessed is DateTimeOffset at
                ? ($"Access Advisor: attempted {Day(at.UtcTicks)}{In(tracked.Region)} (attempts include denied ones)", true)
                : ("Access Advisor tracks it: not attempted in its tracking period", false);
        }

        if (!report.TryGetService(prefix, out ServiceLastAccess? service))
        {
            return (null, null);
        }

        return service.LastAuthenticated is DateTimeOffset last
            ? ($"Access Advisor: {prefix} last accessed {Day(last.UtcTicks)}{In(service.Region)}; the action is not tracked", null)
            : ($"Access Advisor: no {prefix} access in its tracking period", false);
    }

    private static string In(string? region) => region is null ? string.Empty : " in " + region;
}
