namespace TrailSift.Testing;

/// <summary>A fact about Unix file systems (FIFOs, sockets, inodes): skipped on Windows, or when <c>Needs</c> (a program path) is absent.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute; <paramref name="needs"/> names a program the test runs.</summary>
    public UnixFactAttribute(string? needs = null)
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file-system test";
        }
        else if (needs is not null && !File.Exists(needs))
        {
            Skip = $"{needs} is not installed";
        }
    }
}
