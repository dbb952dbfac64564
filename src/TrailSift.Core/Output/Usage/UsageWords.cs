using System.Globalization;
using TrailSift.Core.Analysis.Usage;

namespace TrailSift.Core.Output.Usage;

/// <summary>The words the text and HTML reports share: verdict markers, a grant's detail, why a statement was kept, times.</summary>
/// <remarks>Stateless; thread-safe. The texts are not escaped: each printer makes them safe for its medium.</remarks>
internal static class UsageWords
{
    public static string Detail(GrantUsage grant)
    {
        string text = grant.Verdict switch
        {
            UsageVerdict.Used when grant.UsedPerAccessAdvisor => "used: " + grant.Reason,
            UsageVerdict.Used => Invariant($"used: {grant.Reason}{Denied(grant)}, {Time(grant.FirstTicks)} to {Time(grant.LastTicks)}, ") + Resources(grant),
            UsageVerdict.Unused when grant.Reason.StartsWith("no call in the input (", StringComparison.Ordinal) =>
                "unused" + (grant.Note is null ? string.Empty : ": " + grant.Note),
            UsageVerdict.Unused => "unused: " + grant.Reason,
            UsageVerdict.NotVisible => "not visible: " + grant.Reason,
            _ => "no data: " + grant.Reason,
        };
        if (grant.AccessAdvisor is not null && !grant.UsedPerAccessAdvisor && !text.Contains(grant.AccessAdvisor, StringComparison.Ordinal))
        {
            text += "; " + grant.AccessAdvisor;
        }

        return text;
    }

    private static string Denied(GrantUsage grant) =>
        grant.DeniedAtTheTime == 0 ? string.Empty : Invariant($" ({grant.DeniedAtTheTime} denied at the time)");

    private static string Resources(GrantUsage grant)
    {
        string list = grant.Resources.Length <= 3
            ? string.Join(", ", grant.Resources)
            : Invariant($"{string.Join(", ", grant.Resources.Take(3))} and {grant.Resources.Length - 3} more");
        string unused = grant.UnusedResourcePatterns.IsEmpty ? string.Empty : "; no call on " + string.Join(", ", grant.UnusedResourcePatterns);
        return "on " + list + unused;
    }

    /// <summary>What an Access Advisor report can and cannot say, printed after its file name.</summary>
    public const string AccessAdvisorLimits =
        "(it counts attempts, denied ones too, and lags by hours; it is evidence of non-use only for the actions it tracks)";

    public static string Marker(UsageVerdict verdict) => verdict switch
    {
        UsageVerdict.Used => "+",
        UsageVerdict.Unused => "-",
        UsageVerdict.NotVisible => "?",
        _ => "~",
    };

    public static string Kind(ReducedStatementKind kind) => kind switch
    {
        ReducedStatementKind.NotVisible => "kept unchanged: CloudTrail cannot show it",
        ReducedStatementKind.AccessAdvisor => "kept unchanged: Access Advisor saw it attempted",
        ReducedStatementKind.NoData => "kept unchanged: the input does not cover it",
        ReducedStatementKind.Deny => "Deny kept as is",
        _ => "observed",
    };

    public static string Time(long ticks) => ticks <= 0
        ? "-"
        : new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
