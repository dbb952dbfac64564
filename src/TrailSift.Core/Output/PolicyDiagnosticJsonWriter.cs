using System.Text.Encodings.Web;
using System.Text.Json;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output;

/// <summary>
/// <c>lint --format json</c>: one document, an array with one object per finding:
/// <c>{"file", "severity", "path", "line", "column", "message"}</c> (docs/json-output.md). <c>path</c> is the policy
/// element (empty for a syntax error); <c>line</c> and <c>column</c> are given for syntax errors, null otherwise.
/// </summary>
/// <remarks>Not thread-safe: one per run.</remarks>
public sealed class PolicyDiagnosticJsonWriter : IDisposable
{
    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;

    /// <summary>Starts the array on <paramref name="output"/>.</summary>
    public PolicyDiagnosticJsonWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartArray();
    }

    /// <summary>Adds one finding of <paramref name="file"/>; <paramref name="text"/> locates a syntax error.</summary>
    public void Write(string file, PolicyDiagnostic diagnostic, string text)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _json.WriteStartObject();
        _json.WriteString("file"u8, file);
        _json.WriteString("severity"u8, diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning");
        _json.WriteString("path"u8, diagnostic.Path);
        if (diagnostic.Path.Length == 0 && diagnostic.Offset >= 0)
        {
            (int line, int column) = PolicyDiagnosticFormatter.Position(text, diagnostic.Offset);
            _json.WriteNumber("line"u8, line);
            _json.WriteNumber("column"u8, column);
        }
        else
        {
            _json.WriteNull("line"u8);
            _json.WriteNull("column"u8);
        }

        _json.WriteString("message"u8, diagnostic.Message);
        _json.WriteEndObject();
    }

    /// <summary>Closes the array and flushes; ends with a line feed.</summary>
    public void Dispose()
    {
        _json.WriteEndArray();
        _json.Flush();
        _json.Dispose();
        _output.Write("\n"u8);
        _output.Flush();
    }
}
