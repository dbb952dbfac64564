namespace TrailSift.Cli.Tests.Commands;

/// <summary>
/// A fact skipped when the shared corpus is absent. It is looked for as <c>shared/corpus</c> beside the repository
/// root or beside one of its ancestors (git worktrees live one level deeper, <c>/work/wt/&lt;name&gt;</c>).
/// </summary>
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
            for (DirectoryInfo? dir = Directory.GetParent(Testing.RepoPaths.Root); dir is not null; dir = dir.Parent)
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
