namespace TrailSift.Testing;

/// <summary>Finds the repository root (the folder holding TrailSift.slnx) and the shared corpus beside it.</summary>
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

    /// <summary>The repository root.</summary>
    public static string Root => RootLazy.Value;

    /// <summary><c>tests/data</c>.</summary>
    public static string TestData => Path.Combine(Root, "tests", "data");

    /// <summary><c>samples</c>.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary><c>../shared</c> next to the repository, or null when absent (tests that need it skip).</summary>
    public static string? Shared
    {
        get
        {
            string shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(Path.Combine(shared, "corpus")) ? shared : null;
        }
    }

    /// <summary><c>../shared/corpus</c>, or null when absent.</summary>
    public static string? Corpus => Shared is { } s ? Path.Combine(s, "corpus") : null;
}
