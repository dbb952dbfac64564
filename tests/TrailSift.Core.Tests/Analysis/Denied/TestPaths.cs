namespace TrailSift.Core.Tests.Analysis.Denied;

/// <summary>Locates the repository root (the folder holding TrailSift.slnx), tests/data and the optional ../shared folder.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string Data(params string[] parts) => Path.Combine([RepoRoot, "tests", "data", .. parts]);

    /// <summary>
    /// A path in the shared reference folder, <c>&lt;root&gt;/../shared</c>, or null when it is absent (tests then
    /// skip). Git worktrees live one level deeper (<c>/work/wt/&lt;name&gt;</c>), so further ancestors are tried too.
    /// </summary>
    public static string? Shared(params string[] parts)
    {
        for (DirectoryInfo? dir = Directory.GetParent(RepoRoot); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine([dir.FullName, "shared", .. parts]);
            if (Directory.Exists(path) || File.Exists(path))
            {
                return path;
            }
        }

        return null;
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
