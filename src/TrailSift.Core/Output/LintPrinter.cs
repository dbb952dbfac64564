using System.Text;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Iam.Policy.Lint;

namespace TrailSift.Core.Output;

/// <summary>
/// <c>lint</c>'s report: each finding as a text line (<see cref="PolicyDiagnosticFormatter"/>) or as an object of one
/// JSON array (<see cref="PolicyDiagnosticJsonWriter"/>), its path prefixed with the document's wrapper path.
/// </summary>
/// <remarks>Not thread-safe: one per run. Dispose flushes the text and closes the array.</remarks>
public sealed class LintPrinter : IDisposable
{
    private readonly StreamWriter _text;
    private readonly PolicyDiagnosticJsonWriter? _json;

    /// <summary>Writes to <paramref name="output"/>, as JSON when <paramref name="json"/>.</summary>
    public LintPrinter(Stream output, bool json)
    {
        _text = new StreamWriter(output, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        _json = json ? new PolicyDiagnosticJsonWriter(output) : null;
    }

    /// <summary>True once an error was written.</summary>
    public bool Errors { get; private set; }

    /// <summary>True once a warning was written.</summary>
    public bool Warnings { get; private set; }

    /// <summary>Writes the findings of <paramref name="document"/> of file <paramref name="name"/>, whose text is <paramref name="text"/>.</summary>
    public void Write(string name, string text, LintedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        PolicyInputDocument input = document.Input;
        foreach (PolicyDiagnostic finding in document.Findings)
        {
            if (_json is not null)
            {
                _json.Write(name + input.Label, Shown(input, finding), text);
            }
            else
            {
                _text.WriteLine(Line(name, text, input, finding));
            }

            Errors |= finding.Severity == DiagnosticSeverity.Error;
            Warnings |= finding.Severity == DiagnosticSeverity.Warning;
        }
    }

    /// <summary>
    /// The text line for <paramref name="finding"/> of <paramref name="input"/> in file <paramref name="name"/>, as
    /// <c>lint</c> prints it; other commands that lint their policy files (<c>check</c>) print the same line.
    /// </summary>
    public static string Line(string name, string text, PolicyInputDocument input, PolicyDiagnostic finding)
    {
        ArgumentNullException.ThrowIfNull(input);
        return PolicyDiagnosticFormatter.Format(name + input.Label, Shown(input, finding), text);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _json?.Dispose();
        _text.Dispose();
    }

    private static PolicyDiagnostic Shown(PolicyInputDocument input, PolicyDiagnostic finding) =>
        finding with { Path = Prefixed(input.WrapperPath, finding.Path) };

    // Linter paths are relative to the document; parse paths already carry the wrapper.
    private static string Prefixed(string wrapper, string path) =>
        wrapper.Length == 0 || path.StartsWith(wrapper, StringComparison.Ordinal) ? path : path.Length == 0 ? wrapper : wrapper + "." + path;
}
