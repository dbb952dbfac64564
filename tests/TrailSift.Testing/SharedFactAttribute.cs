namespace TrailSift.Testing;

/// <summary>A fact that is skipped when a part of the shared reference folder (default: the corpus) is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedFactAttribute : FactAttribute
{
    /// <summary>Skips unless <c>shared/&lt;path&gt;</c> exists (path parts separated by '/').</summary>
    public SharedFactAttribute(string path = "corpus")
    {
        if (RepoPaths.SharedPath(path.Split('/')) is null)
        {
            Skip = $"../shared/{path} is not present";
        }
    }
}
