namespace TrailSift.Core.Tests.Query;

/// <summary>Locates the repository root (the folder holding TrailSift.slnx) and the shared corpus next to it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The shared reference data folder (<c>&lt;root&gt;/../shared</c>, or <c>TRAILSIFT_SHARED</c> for a
    /// worktree that lives elsewhere), or null when absent.
    /// </summary>
    public static string? Shared
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            if (Directory.Exists(path))
            {
                return path;
            }

            string? configured = Environment.GetEnvironmentVariable("TRAILSIFT_SHARED");
            return configured is not null && Directory.Exists(configured) ? configured : null;
        }
    }

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir, "TrailSift.slnx")))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        throw new InvalidOperationException("TrailSift.slnx not found above " + AppContext.BaseDirectory);
    }
}
