namespace TrailSift.Core.Tests.Analysis.Denied;

/// <summary>Locates the repository root (the folder holding TrailSift.slnx), tests/data and the optional ../shared folder.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string Data(params string[] parts) => Path.Combine([RepoRoot, "tests", "data", .. parts]);

    /// <summary>The shared reference folder next to the repository, or null when it is absent (tests then skip).</summary>
    public static string? Shared(params string[] parts)
    {
        string path = Path.GetFullPath(Path.Combine([RepoRoot, "..", "shared", .. parts]));
        return Directory.Exists(path) || File.Exists(path) ? path : null;
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrailSift.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TrailSift.slnx not found above " + AppContext.BaseDirectory);
    }
}
