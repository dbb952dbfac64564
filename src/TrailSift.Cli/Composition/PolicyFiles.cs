using System.Text;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Cli.Composition;

/// <summary>Reads policy files for <c>check</c> and <c>lint</c>, and renders their diagnostics as <c>file:path: severity: message</c>.</summary>
public static class PolicyFiles
{
    /// <summary>Reads and parses <paramref name="path"/> (<c>-</c> is standard input).</summary>
    /// <returns>The parse result, or null when the file cannot be read (<paramref name="error"/> says why).</returns>
    public static PolicyParseResult? Read(string path, AppEnvironment env, out string? error)
    {
        error = null;
        try
        {
            byte[] bytes = path == "-" ? ReadAll(env.Stdin) : File.ReadAllBytes(path);
            return PolicyParser.Parse(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            return null;
        }
    }

    /// <summary>One diagnostic as <c>file:Statement[0].Effect: error: message</c>; a diagnostic without a path gets the line and column.</summary>
    public static string Format(string file, PolicyDiagnostic diagnostic, string? text = null)
    {
        string severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        string where = diagnostic.Path.Length > 0 ? diagnostic.Path
            : text is not null && diagnostic.Offset >= 0 ? LineColumn(text, diagnostic.Offset) : string.Empty;
        return where.Length > 0 ? $"{file}:{where}: {severity}: {diagnostic.Message}" : $"{file}: {severity}: {diagnostic.Message}";
    }

    /// <summary>Reads a whole stream.</summary>
    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string LineColumn(string text, long offset)
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

        return $"{line}:{column}";
    }
}
