namespace TrailSift.Testing;

/// <summary>Finds a program on the PATH, for tests that drive external tools (node, chromium).</summary>
public static class ExecutablePath
{
    /// <summary>The full path of <paramref name="name"/> in the first PATH directory holding it, or null.</summary>
    public static string? Find(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, name);
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
