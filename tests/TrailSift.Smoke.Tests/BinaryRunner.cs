using System.Diagnostics;

namespace TrailSift.Smoke.Tests;

/// <summary>Runs the built trailsift binary (through bash, so pipes behave as in a shell).</summary>
internal static class BinaryRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "trailsift.dll");

    /// <summary>Runs a shell command line in which <c>$TS</c> is the trailsift command.</summary>
    public static Result Shell(string commandLine, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo("bash", ["-c", "set -o pipefail; " + commandLine])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        psi.Environment["TS"] = $"dotnet {Dll}";
        using Process p = Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException(commandLine);
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
