using System.Collections.Immutable;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Puts a finished usage scan together: per principal of the scope, the verdicts (<see cref="GrantAnalyzer"/>) with its
/// Access Advisor report when one names it, and the verified reduced policy (<see cref="ReducedPolicyBuilder"/>).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class UsageAnalysis
{
    /// <summary>Builds the report from a merged collector.</summary>
    /// <param name="scope">The scope the collector ran with.</param>
    /// <param name="collector">The merged collector.</param>
    /// <param name="advisor">Access Advisor reports; each applies to the principal it names.</param>
    /// <param name="options">The generator's options for the reduced policy.</param>
    /// <param name="diagnostics">Further problems to report (unreadable Access Advisor files, …).</param>
    /// <param name="coverage">The coverage of the whole input, when the collector saw only selected events; null takes the collector's.</param>
    public static UsageReport Report(UsageScope scope, UsageCollector collector, IReadOnlyList<AccessAdvisorReport> advisor,
        PolicyGenerationOptions options, IEnumerable<string>? diagnostics = null, InputCoverage? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(advisor);
        ArgumentNullException.ThrowIfNull(options);
        var stream = new StreamedPrincipals(scope, collector, advisor, options, coverage ?? collector.Coverage.Coverage(), out List<string> problems);
        return new UsageReport
        {
            Coverage = stream.Coverage,
            Principals = [.. stream],
            Arns = [.. scope.Principals.Select(static p => p.Principal.Arn)],
            Diagnostics = [.. scope.Details.Diagnostics, .. diagnostics ?? [], .. problems],
        };
    }

    /// <summary>
    /// The same report with its principals analysed as they are enumerated or rendered, a few at a time in parallel, and
    /// not kept, so memory holds a few principals however many there are. <paramref name="analyzed"/> sees each one. With
    /// <paramref name="once"/> the collector drops each principal's scan state as soon as it is analysed (memory shrinks
    /// as the report is printed); a principal analysed a second time then throws.
    /// </summary>
    public static UsageReport Stream(UsageScope scope, UsageCollector collector, IReadOnlyList<AccessAdvisorReport> advisor,
        PolicyGenerationOptions options, IEnumerable<string>? diagnostics = null, Action<PrincipalUsage>? analyzed = null, int parallelism = 2,
        bool once = false)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(advisor);
        ArgumentNullException.ThrowIfNull(options);
        var stream = new StreamedPrincipals(scope, collector, advisor, options, collector.Coverage.Coverage(), out List<string> problems)
        {
            Analyzed = analyzed,
            Parallelism = Math.Max(1, parallelism),
            Once = once,
        };
        return new UsageReport
        {
            Coverage = stream.Coverage,
            Principals = stream,
            Parallelism = stream.Parallelism,
            Arns = [.. scope.Principals.Select(static p => p.Principal.Arn)],
            Diagnostics = [.. scope.Details.Diagnostics, .. diagnostics ?? [], .. problems],
        };
    }

    /// <summary>One principal's verdicts and reduced policy (the statements' actions from <paramref name="granted"/> when given).</summary>
    internal static PrincipalUsage Analyze(UsageScope scope, UsageCollector collector, int index, AccessAdvisorReport? report,
        PolicyGenerationOptions options, InputCoverage coverage, GrantedActionTable? granted = null)
    {
        EffectivePolicies policies = scope.Principals[index];
        ObservedUsage observed = collector.Observed(index);
        ImmutableArray<GrantUsage> grants = GrantAnalyzer.Analyze(policies, observed, coverage, report, options.Catalog, granted);
        return new PrincipalUsage
        {
            Policies = policies,
            Grants = grants,
            NotAllowedNow = [.. observed.Uses.Where(static u => u.Decision != Decision.Allowed || u.Undecidable)],
            Calls = observed.Calls,
            Unmapped = observed.Unmapped,
            AccessAdvisorSource = report?.Source,
            Reduced = ReducedPolicyBuilder.Build(policies, observed, grants, options, scope.Factory),
        };
    }

    /// <summary>True when an Access Advisor report's principal (ARN, path-less role ARN, or name) is this entity.</summary>
    public static bool Names(string reportPrincipal, IamEntity entity)
    {
        ArgumentNullException.ThrowIfNull(reportPrincipal);
        ArgumentNullException.ThrowIfNull(entity);
        if (string.Equals(reportPrincipal, entity.Arn, StringComparison.Ordinal) || string.Equals(reportPrincipal, entity.Name, StringComparison.Ordinal))
        {
            return true;
        }

        return reportPrincipal.StartsWith("arn:", StringComparison.Ordinal)
            && reportPrincipal.EndsWith("/" + entity.Name, StringComparison.Ordinal)
            && reportPrincipal.Split(':') is { Length: > 5 } parts && parts[4] == entity.Account
            && parts[5].StartsWith(entity.Kind == IamEntityKind.Role ? "role/" : "user/", StringComparison.Ordinal);
    }
}
