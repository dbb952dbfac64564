namespace TrailSift.Core.Iam.Policy;

/// <summary>How serious a <see cref="PolicyDiagnostic"/> is.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum DiagnosticSeverity
{
    /// <summary>The document is accepted, but something is suspicious or unsupported by some policy types.</summary>
    Warning,

    /// <summary>AWS would reject the document; the affected part is left out of the model.</summary>
    Error,
}
