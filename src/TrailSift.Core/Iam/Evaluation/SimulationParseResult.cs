using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// The result of <see cref="SimulationRequestParser.Parse(string)"/>: the request (null when an error-level
/// diagnostic was found) and all diagnostics, including those of the embedded policies with paths such as
/// <c>identityPolicies[0].Statement[1].Effect</c>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SimulationParseResult
{
    internal SimulationParseResult(SimulationRequest? request, ImmutableArray<PolicyDiagnostic> diagnostics)
    {
        Request = request;
        Diagnostics = diagnostics;
    }

    /// <summary>The parsed request, or null when there were errors.</summary>
    public SimulationRequest? Request { get; }

    /// <summary>Errors and warnings.</summary>
    public ImmutableArray<PolicyDiagnostic> Diagnostics { get; }

    /// <summary>True when a request was produced.</summary>
    public bool Succeeded => Request is not null;
}
