using System.Diagnostics;

namespace TrailSift.Smoke.Tests;

/// <summary>Runs the built trailsift binary — the Native AOT one when test.sh published it — through bash, so pipes behave as in a shell.</summary>
internal static class BinaryRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "trailsift.dll");

    /// <summary>The Native AOT binary test.sh published (TRAILSIFT_AOT_BINARY), or null: the JIT build runs then.</summary>
    public static string? Aot => Environment.GetEnvironmentVariable("TRAILSIFT_AOT_BINARY") is { Length: > 0 } p && File.Exists(p) ? p : null;

    /// <summary>The command line that runs trailsift: the AOT binary when there is one, else <c>dotnet trailsift.dll</c>.</summary>
    public static string Command => Aot is string aot ? aot : $"dotnet {Dll}";

    /// <summary>Runs a shell command line in which <c>$TS</c> is the trailsift command.</summary>
    public static Result Shell(string commandLine, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo("bash", ["-c", "set -o pipefail; " + commandLine])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        psi.Environment["TS"] = Command;
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
