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
    public static UsageReport Report(UsageScope scope, UsageCollector collector, IReadOnlyList<AccessAdvisorReport> advisor,
        PolicyGenerationOptions options, IEnumerable<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(advisor);
        ArgumentNullException.ThrowIfNull(options);
        InputCoverage coverage = collector.Coverage.Coverage();
        var principals = ImmutableArray.CreateBuilder<PrincipalUsage>(scope.Principals.Length);
        for (int i = 0; i < scope.Principals.Length; i++)
        {
            EffectivePolicies policies = scope.Principals[i];
            ObservedUsage observed = collector.Observed(i);
            AccessAdvisorReport? report = advisor.FirstOrDefault(r => Names(r.Principal, policies.Principal));
            ImmutableArray<GrantUsage> grants = GrantAnalyzer.Analyze(policies, observed, coverage, report, options.Catalog);
            principals.Add(new PrincipalUsage
            {
                Policies = policies,
                Grants = grants,
                NotAllowedNow = [.. observed.Uses.Where(static u => u.Decision != Decision.Allowed || u.Undecidable)],
                Calls = observed.Calls,
                Unmapped = observed.Unmapped,
                AccessAdvisorSource = report?.Source,
                Reduced = ReducedPolicyBuilder.Build(policies, observed, grants, options, scope.Factory),
            });
        }

        return new UsageReport
        {
            Coverage = coverage,
            Principals = principals.MoveToImmutable(),
            Diagnostics = [.. scope.Details.Diagnostics, .. diagnostics ?? []],
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
