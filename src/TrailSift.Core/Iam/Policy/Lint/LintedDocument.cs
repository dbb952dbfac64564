using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Policy.Lint;

/// <summary>
/// One policy document of a file as <c>lint</c> and <c>check</c> read it (CLI output wrappers, several documents, see
/// <see cref="PolicyInputReader"/>), with its findings: the parser's diagnostics, then the linter's for its kind.
/// Paths are the parser's (with the wrapper) and the linter's (relative to the document).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record LintedDocument(PolicyInputDocument Input, ImmutableArray<PolicyDiagnostic> Findings)
{
    /// <summary>True when a finding is an error, or the document did not parse.</summary>
    public bool HasErrors => !Input.Parsed.Succeeded || Findings.Any(static f => f.Severity == DiagnosticSeverity.Error);

    /// <summary>Reads and lints every document of <paramref name="utf8"/> as <paramref name="kind"/>.</summary>
    public static ImmutableArray<LintedDocument> Read(ReadOnlySpan<byte> utf8, PolicyKind kind, PolicyLinter linter)
    {
        ArgumentNullException.ThrowIfNull(linter);
        ImmutableArray<PolicyInputDocument> inputs = PolicyInputReader.Read(utf8);
        var documents = ImmutableArray.CreateBuilder<LintedDocument>(inputs.Length);
        foreach (PolicyInputDocument input in inputs)
        {
            var findings = ImmutableArray.CreateBuilder<PolicyDiagnostic>();
            findings.AddRange(input.Parsed.Diagnostics);
            if (input.Parsed.Document is { } document)
            {
                findings.AddRange(linter.Lint(document, kind));
            }

            documents.Add(new LintedDocument(input, findings.ToImmutable()));
        }

        return documents.MoveToImmutable();
    }
}
