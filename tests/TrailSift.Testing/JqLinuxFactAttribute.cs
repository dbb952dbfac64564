namespace TrailSift.Testing;

/// <summary>A fact that needs Linux and the Debian jq (glibc's libm, the reference for jq's math builtins on Linux).</summary>
public sealed class JqLinuxFactAttribute : FactAttribute
{
    public JqLinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Jq.Executable is null)
        {
            Skip = "needs Linux and the Debian jq: " + Jq.Missing;
        }
    }
}
