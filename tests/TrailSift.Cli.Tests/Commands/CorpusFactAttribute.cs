using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

/// <summary>A fact skipped when <c>shared/corpus</c> is not beside the repository (or beside a folder above it, for worktrees).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (Corpus is null)
        {
            Skip = "../shared/corpus is not present";
        }
    }

    public static string? Corpus
    {
        get
        {
            for (DirectoryInfo? dir = Directory.GetParent(RepoPaths.Root); dir is not null; dir = dir.Parent)
            {
                string path = Path.Combine(dir.FullName, "shared", "corpus");
                if (Directory.Exists(path))
                {
                    return path;
                }
            }

            return null;
        }
    }
}
