using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Tests.Iam.Evaluation;

/// <summary>Asserts about the evaluator's answers.</summary>
internal static class EvaluationAssert
{
    /// <summary>The evaluator answers both requests alike: decision, decidability, and the statements' outcomes in its trace.</summary>
    public static void SameAnswer(PolicySet policies, RequestContext expected, RequestContext actual)
    {
        EvaluationResult before = PolicyEvaluator.Evaluate(policies, expected, includeTrace: true);
        EvaluationResult after = PolicyEvaluator.Evaluate(policies, actual, includeTrace: true);
        Assert.Equal((before.IsDecidable, before.Decision), (after.IsDecidable, after.Decision));
        Assert.Equal(
            before.Trace.Select(static t => (t.PolicyIndex, t.StatementIndex, t.Outcome)),
            after.Trace.Select(static t => (t.PolicyIndex, t.StatementIndex, t.Outcome)));
    }
}
