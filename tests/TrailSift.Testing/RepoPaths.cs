namespace TrailSift.Testing;

/// <summary>
/// Finds the repository root (the folder holding TrailSift.slnx) and the shared reference data: <c>../shared</c>
/// beside the root, else the folder named by <c>TRAILSIFT_SHARED</c>, else a <c>shared</c> folder further up
/// (a git worktree may sit deeper than the main checkout). Tests that need it skip when it is absent.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "TrailSift.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("TrailSift.slnx not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<string?> SharedLazy = new(LocateShared);

    /// <summary>The repository root.</summary>
    public static string Root => RootLazy.Value;

    /// <summary><c>tests/data</c>.</summary>
    public static string TestData => Path.Combine(Root, "tests", "data");

    /// <summary><c>samples</c>.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The shared folder, or null when absent.</summary>
    public static string? Shared => SharedLazy.Value;

    /// <summary><c>shared/corpus</c>, or null when absent.</summary>
    public static string? Corpus => SharedPath("corpus");

    /// <summary><c>shared/reference</c>, or null when absent.</summary>
    public static string? Reference => SharedPath("reference");

    /// <summary>A file or folder inside the shared folder, or null when it is absent.</summary>
    public static string? SharedPath(params string[] parts)
    {
        if (Shared is not { } shared)
        {
            return null;
        }

        string path = Path.Combine([shared, .. parts]);
        return Directory.Exists(path) || File.Exists(path) ? path : null;
    }

    private static string? LocateShared()
    {
        string beside = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
        if (Directory.Exists(Path.Combine(beside, "corpus")))
        {
            return beside;
        }

        string? configured = Environment.GetEnvironmentVariable("TRAILSIFT_SHARED");
        if (!string.IsNullOrEmpty(configured) && Directory.Exists(Path.Combine(configured, "corpus")))
        {
            return Path.GetFullPath(configured);
        }

        for (DirectoryInfo? dir = Directory.GetParent(Root)?.Parent; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpus")))
            {
                return candidate;
            }
        }

        return null;
    }
}
