using System.Diagnostics;
using TrailSift.Testing;

namespace TrailSift.Smoke.Tests;

/// <summary><c>dotnet pack</c> makes a .NET tool package that <c>dotnet tool install</c> installs and that runs every command.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void Should_Install_And_Run_When_Packed_As_A_Dotnet_Tool()
    {
        // Given the package, packed from the repository into a temporary feed
        using var tree = new TempTree();
        string feed = Path.Combine(tree.Root, "feed");
        string tools = Path.Combine(tree.Root, "tools");
        Run("dotnet", "pack", Path.Combine(RepoPaths.Root, "src", "TrailSift.Cli", "TrailSift.Cli.csproj"), "-c", "Release", "-nologo", "-v", "quiet", "-o", feed);

        // When it is installed into a tool path
        Run("dotnet", "tool", "install", "trailsift", "--tool-path", tools, "--add-source", feed);

        // Then the installed command runs
        string trailsift = Path.Combine(tools, "trailsift");
        Assert.StartsWith("trailsift ", Run(trailsift, "--version").Stdout, StringComparison.Ordinal);
        (int code, string stdout) = Run(trailsift, "denied", "--format", "ndjson", Path.Combine(RepoPaths.Samples, "emr-launch"));
        Assert.Equal(0, code);
        Assert.Contains("\"action\":\"ec2:RunInstances\"", stdout, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using Process p = Process.Start(psi)!;
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(600_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)}");
        }

        Assert.True(p.ExitCode is 0 or 1 or 3, $"{file} {string.Join(' ', args)}: exit {p.ExitCode}\n{stdout}\n{stderr.Result}");
        return (p.ExitCode, stdout);
    }
}
