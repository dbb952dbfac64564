using TrailSift.Testing;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>
/// <c>../shared</c> beside the repository root, or the folder named by TRAILSIFT_SHARED (a git worktree outside the
/// main checkout); null when absent, so tests that need it skip.
/// </summary>
internal static class SharedFolder
{
    public static string? Root
    {
        get
        {
            string? overridden = Environment.GetEnvironmentVariable("TRAILSIFT_SHARED");
            if (!string.IsNullOrEmpty(overridden) && Directory.Exists(Path.Combine(overridden, "corpus")))
            {
                return overridden;
            }

            return RepoPaths.Shared;
        }
    }

    public static string? Corpus => Root is { } root ? Path.Combine(root, "corpus") : null;

    public static string? Reference => Root is { } root && Directory.Exists(Path.Combine(root, "reference")) ? Path.Combine(root, "reference") : null;
}

/// <summary>A fact that is skipped when <c>../shared/corpus</c> (or TRAILSIFT_SHARED) is absent.</summary>
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        if (SharedFolder.Corpus is null)
        {
            Skip = "../shared/corpus is not present.";
        }
    }
}
