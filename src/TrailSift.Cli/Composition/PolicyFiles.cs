using TrailSift.Core.Iam.Policy;

namespace TrailSift.Cli.Composition;

/// <summary>Reads policy files for <c>check</c>, <c>lint</c> and <c>simulate</c> (<c>-</c> is standard input).</summary>
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

    /// <summary>Reads a whole stream.</summary>
    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
