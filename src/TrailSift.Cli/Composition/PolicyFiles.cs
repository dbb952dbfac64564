using TrailSift.Core.Iam.Policy;

namespace TrailSift.Cli.Composition;

/// <summary>Reads policy files for <c>check</c>, <c>lint</c> and <c>simulate</c> (<c>-</c> is standard input).</summary>
public static class PolicyFiles
{
    /// <summary>Reads and parses <paramref name="path"/> (<c>-</c> is standard input).</summary>
    /// <returns>The parse result, or null when the file cannot be read (<paramref name="error"/> says why).</returns>
    public static PolicyParseResult? Read(string path, AppEnvironment env, out string? error) =>
        TryReadBytes(path, env, out byte[] bytes, out error) ? PolicyParser.Parse(bytes) : null;

    /// <summary>Reads the bytes of <paramref name="path"/> (<c>-</c> is standard input); false with why (<c>no such file</c>, ...).</summary>
    public static bool TryReadBytes(string path, AppEnvironment env, out byte[] bytes, out string? error)
    {
        error = null;
        try
        {
            bytes = path == "-" ? ReadAll(env.Stdin) : File.ReadAllBytes(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            bytes = [];
            return false;
        }
    }

    /// <summary>Reads a whole stream.</summary>
    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
