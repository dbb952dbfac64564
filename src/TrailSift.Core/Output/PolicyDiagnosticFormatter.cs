using System.Text;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output;

/// <summary>Renders policy diagnostics as <c>file:Statement[0].Effect: error: message</c> (<c>lint</c>, <c>check</c>, <c>simulate</c>).</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class PolicyDiagnosticFormatter
{
    /// <summary>One diagnostic as <c>file:Statement[0].Effect: error: message</c>; a diagnostic without a path gets the line and column.</summary>
    public static string Format(string file, PolicyDiagnostic diagnostic, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        string severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        string where = diagnostic.Path.Length > 0 ? diagnostic.Path
            : text is not null && diagnostic.Offset >= 0 ? LineColumn(text, diagnostic.Offset) : string.Empty;
        return where.Length > 0 ? $"{file}:{where}: {severity}: {diagnostic.Message}" : $"{file}: {severity}: {diagnostic.Message}";
    }

    private static string LineColumn(string text, long offset)
    {
        (int line, int column) = Position(text, offset);
        return $"{line}:{column}";
    }

    /// <summary>The 1-based line and column of a UTF-8 byte <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string text, long offset)
    {
        // The offset counts UTF-8 bytes; policies are nearly always ASCII, and a slightly off column is harmless.
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int line = 1, column = 1;
        for (long i = 0; i < Math.Min(offset, bytes.Length); i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }
}
