using System.Diagnostics;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// A small throughput probe for the bench project: evaluates one request repeatedly on the calling thread and
/// reports evaluations per second. Not a benchmark harness (no warm-up statistics); use BenchmarkDotNet for that.
/// </summary>
/// <remarks>Stateless; thread-safe (each call uses only its arguments).</remarks>
public static class EvaluatorThroughput
{
    /// <summary>Runs evaluations for about <paramref name="duration"/> and returns evaluations per second.</summary>
    /// <param name="policies">The policy set.</param>
    /// <param name="request">The request.</param>
    /// <param name="duration">How long to run (after a short warm-up).</param>
    /// <param name="includeTrace">Whether to build traces, as a CLI "explain" would.</param>
    public static double Measure(PolicySet policies, RequestContext request, TimeSpan duration, bool includeTrace = false)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(request);
        for (int i = 0; i < 1000; i++)
        {
            PolicyEvaluator.Evaluate(policies, request, includeTrace);
        }

        long count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            for (int i = 0; i < 1000; i++)
            {
                PolicyEvaluator.Evaluate(policies, request, includeTrace);
            }

            count += 1000;
        }

        return count / watch.Elapsed.TotalSeconds;
    }
}
