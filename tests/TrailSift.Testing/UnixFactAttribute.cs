namespace TrailSift.Testing;

/// <summary>A fact about Unix file systems (FIFOs, sockets, inodes): skipped on Windows, or when <c>Needs</c> (a program path) is absent.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; <paramref name="needs"/> names a program the test runs.</summary>
    public UnixFactAttribute(string? needs = null)
    {
        Skip = SkipReason(needs);
    }

    /// <summary>Why a Unix test cannot run here (Windows, or <paramref name="needs"/> absent), or null.</summary>
    internal static string? SkipReason(string? needs) =>
        OperatingSystem.IsWindows() ? "Unix test" : needs is not null && !File.Exists(needs) ? $"{needs} is not installed" : null;
}
