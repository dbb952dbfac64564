using System.Collections;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Common;
using TrailSift.Core.Iam.Authorization;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// The principals of a usage report, analysed on demand: the enumerator analyses them on <see cref="Parallelism"/> threads,
/// at most <see cref="Parallelism"/> × 4 ahead of its consumer, and keeps none after yielding them; the indexer analyses one. Which Access Advisor report applies to
/// each principal is settled up front (the problems it finds are known before any principal is analysed).
/// </summary>
/// <remarks>Thread-safe to enumerate more than once (each enumeration analyses again).</remarks>
internal sealed class StreamedPrincipals : IReadOnlyList<PrincipalUsage>
{
    private readonly UsageScope _scope;
    private readonly UsageCollector _collector;
    private readonly PolicyGenerationOptions _options;
    private readonly AccessAdvisorReport?[] _reports;
    private readonly int[] _analysed;
    private readonly GrantedActionTable _granted;

    public StreamedPrincipals(UsageScope scope, UsageCollector collector, IReadOnlyList<AccessAdvisorReport> advisor,
        PolicyGenerationOptions options, InputCoverage coverage, out List<string> problems)
    {
        _scope = scope;
        _collector = collector;
        _options = options;
        _granted = new GrantedActionTable(scope.Principals, options.Catalog);
        Coverage = coverage;
        problems = [];
        _reports = new AccessAdvisorReport?[scope.Principals.Length];
        _analysed = new int[scope.Principals.Length];
        for (int i = 0; i < _reports.Length; i++)
        {
            EffectivePolicies policies = scope.Principals[i];
            AccessAdvisorReport[] reports = [.. advisor.Where(r => UsageAnalysis.Names(r.Principal, policies.Principal))];
            _reports[i] = reports.FirstOrDefault();
            if (reports.Length > 1)
            {
                problems.Add($"{policies.Principal.Arn}: {reports.Length} Access Advisor reports name it; only {reports[0].Source} is used");
            }
        }
    }

    public InputCoverage Coverage { get; }

    public Action<PrincipalUsage>? Analyzed { get; init; }

    public int Parallelism { get; init; } = 1;

    /// <summary>True to drop each principal's scan state once it is analysed: a principal can then be analysed only once.</summary>
    public bool Once { get; init; }

    public int Count => _reports.Length;

    public PrincipalUsage this[int index] => Analyze(index);

    public IEnumerator<PrincipalUsage> GetEnumerator() => OrderedParallel.Map(Count, Analyze, Parallelism).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private PrincipalUsage Analyze(int index)
    {
        if (Once && Interlocked.Exchange(ref _analysed[index], 1) != 0)
        {
            throw new InvalidOperationException($"principal {index} was analysed already and its scan state dropped");
        }

        PrincipalUsage principal = UsageAnalysis.Analyze(_scope, _collector, index, _reports[index], _options, Coverage, _granted);
        if (Once)
        {
            _collector.Release(index);
        }

        Analyzed?.Invoke(principal);
        return principal;
    }
}
