using BenchmarkDotNet.Attributes;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Benchmarks;

/// <summary>
/// Single-thread evaluations of the offline evaluator: (i) one identity policy whose statement matches action and
/// resource, (ii) the EMR candidate policy with a permissions boundary and an SCP with conditions, over the requests
/// `check` builds from samples/emr-launch for the EMR service role; each with and without the trace.
/// </summary>
[MemoryDiagnoser]
public class EvaluatorBenchmarks
{
    /// <summary>The principal whose calls make the realistic mix.</summary>
    public const string EmrRole = "EMR_DefaultRole_Restricted";

    private PolicySet _simple = null!;
    private RequestContext _simpleRequest = null!;
    private PolicySet _emr = null!;
    private RequestContext[] _emrRequests = [];

    /// <summary>Builds the policy sets and requests once, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _simple = new PolicySet(identityPolicies: [Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}
            """)]);
        _simpleRequest = new RequestContext("s3:GetObject", "arn:aws:s3:::reports/2025/q1.csv", "arn:aws:iam::123456789012:user/alice");
        _emr = EmrPolicySet();
        _emrRequests = SampleRequests.Build(_emr, EmrRole);
    }

    /// <summary>The realistic set: candidate identity policy, boundary, one SCP level.</summary>
    public static PolicySet EmrPolicySet()
    {
        string policies = Path.Combine(AppContext.BaseDirectory, "Policies");
        return new PolicySet(
            identityPolicies: [SampleRequests.Policy(Path.Combine(SampleRequests.Root, "samples", "emr-launch-policies", "security-group-scoped.json"))],
            permissionBoundaries: [SampleRequests.Policy(Path.Combine(policies, "boundary.json"))],
            serviceControlPolicies: [[SampleRequests.Policy(Path.Combine(policies, "scp.json"))]]);
    }

    /// <summary>(i) One simple allow, no trace.</summary>
    [Benchmark(Baseline = true)]
    public Decision SimpleAllow() => PolicyEvaluator.Evaluate(_simple, _simpleRequest, includeTrace: false).Decision;

    /// <summary>(i) One simple allow, with the trace.</summary>
    [Benchmark]
    public Decision SimpleAllowTraced() => PolicyEvaluator.Evaluate(_simple, _simpleRequest, includeTrace: true).Decision;

    /// <summary>(ii) Every request of the EMR mix once, no trace.</summary>
    [Benchmark]
    public int EmrMix() => EvaluateAll(includeTrace: false);

    /// <summary>(ii) Every request of the EMR mix once, with the trace (as `check` evaluates).</summary>
    [Benchmark]
    public int EmrMixTraced() => EvaluateAll(includeTrace: true);

    private int EvaluateAll(bool includeTrace)
    {
        int allowed = 0;
        foreach (RequestContext request in _emrRequests)
        {
            allowed += PolicyEvaluator.Evaluate(_emr, request, includeTrace).Decision == Decision.Allowed ? 1 : 0;
        }

        return allowed;
    }

    private static PolicyDocument Parse(string json) =>
        PolicyParser.Parse(json).Document ?? throw new InvalidOperationException("bad policy");
}
