using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// The result of <see cref="PolicyParser.Parse(string)"/>: the document (null only when the text is not a
/// JSON object) and the diagnostics. With errors the document holds what could be understood; invalid
/// parts are left out.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PolicyParseResult
{
    internal PolicyParseResult(PolicyDocument? document, ImmutableArray<PolicyDiagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    /// <summary>The parsed document, or null when the input is not a JSON object.</summary>
    public PolicyDocument? Document { get; }

    /// <summary>Errors and warnings in document order.</summary>
    public ImmutableArray<PolicyDiagnostic> Diagnostics { get; }

    /// <summary>True when there is a document and no error-level diagnostic.</summary>
    public bool Succeeded
    {
        get
        {
            if (Document is null)
            {
                return false;
            }

            foreach (PolicyDiagnostic diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
