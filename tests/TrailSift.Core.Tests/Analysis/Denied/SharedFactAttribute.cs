namespace TrailSift.Core.Tests.Analysis.Denied;

/// <summary>A fact that is skipped when <c>../shared/&lt;path&gt;</c> (relative to the repository root) is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(string path)
    {
        if (TestPaths.Shared(path) is null)
        {
            Skip = $"../shared/{path} is not present";
        }
    }
}
