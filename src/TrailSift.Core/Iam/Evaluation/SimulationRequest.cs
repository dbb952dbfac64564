namespace TrailSift.Core.Iam.Evaluation;

/// <summary>A parsed simulate request (docs/simulate-request.md): the policy set and the request to evaluate.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Policies">The compiled policy set.</param>
/// <param name="Request">The request.</param>
public sealed record SimulationRequest(PolicySet Policies, RequestContext Request)
{
    /// <summary>Evaluates the request against the policies.</summary>
    public EvaluationResult Evaluate(bool includeTrace = true) => PolicyEvaluator.Evaluate(Policies, Request, includeTrace);
}
