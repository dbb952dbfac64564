using System.Diagnostics;

namespace TrailSift.Smoke.Tests;

/// <summary>
/// A killed run (kill -9, SIGTERM, SIGHUP) leaves none of the runtime's diagnostic files (<c>dotnet-diagnostic-PID-*</c>
/// socket, <c>clr-debug-pipe-PID-*</c> FIFOs) in the temp directory (issue #12): the Native AOT binary has no diagnostic
/// server, and the JIT build (as <c>dotnet trailsift.dll</c> and the .NET tool run it, without the launcher's
/// <c>DOTNET_EnableDiagnostics=0</c>) removes them when it starts.
/// </summary>
public sealed class KilledRunTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    [InlineData("KILL")]
    public void Should_Leave_No_Diagnostic_Files_When_The_Aot_Binary_Is_Killed(string signal)
    {
        // Given: the AOT binary test.sh publishes on linux-x64 and linux-arm64 (elsewhere the JIT case covers the build that runs)
        Assert.True(OperatingSystem.IsLinux(), "needs /proc");
        if (BinaryRunner.Aot is not string aot)
        {
            return;
        }

        // When, Then
        Assert.Empty(KillWhileScanning(aot, [], signal, keepDiagnostics: false));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    [InlineData("KILL")]
    public void Should_Leave_No_Diagnostic_Files_When_The_Jit_Build_Is_Killed(string signal)
    {
        // Given: the JIT build run directly, without the launcher's environment
        Assert.True(OperatingSystem.IsLinux(), "needs /proc");

        // When, Then
        Assert.Empty(KillWhileScanning("dotnet", [BinaryRunner.Dll], signal, keepDiagnostics: false));
    }

    [Fact]
    public void Should_Keep_The_Diagnostic_Files_When_Asked_To()
    {
        // Given: TRAILSIFT_DIAGNOSTICS=1 (dotnet-trace must still attach); this also shows that the other tests see the files
        Assert.True(OperatingSystem.IsLinux(), "needs /proc");

        // When
        string[] left = KillWhileScanning("dotnet", [BinaryRunner.Dll], "KILL", keepDiagnostics: true);

        // Then: the socket and the two debugger FIFOs
        Assert.Equal(3, left.Length);
        foreach (string file in left)
        {
            File.Delete(file);
        }
    }

    // Runs `count MISSING -` on a document that never ends: the CLI reports the missing file as soon as its scan starts
    // (well after Main's start) and then waits for more input. Sends the signal then and returns the runtime's diagnostic
    // files the process left behind.
    private static string[] KillWhileScanning(string file, string[] prefix, string signal, bool keepDiagnostics)
    {
        string missing = Path.Combine(Path.GetTempPath(), $"trailsift-missing-{Guid.NewGuid():N}.json");
        var psi = new ProcessStartInfo(file, [.. prefix, "count", missing, "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment.Remove("DOTNET_EnableDiagnostics");
        psi.Environment["TRAILSIFT_DIAGNOSTICS"] = keepDiagnostics ? "1" : "0";
        using Process p = Process.Start(psi)!;
        try
        {
            p.StandardInput.Write("{\"Records\":[");
            p.StandardInput.Flush();
            Task<string?> firstProblem = p.StandardError.ReadLineAsync();
            Assert.True(firstProblem.Wait(TimeSpan.FromSeconds(60)), "the CLI did not start its scan");
            Assert.Contains(missing, firstProblem.Result ?? string.Empty, StringComparison.Ordinal);
            using (Process kill = Process.Start("kill", ["-s", signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.True(p.WaitForExit(30_000), "the process did not end");
            string temp = Path.GetTempPath();
            return [.. Directory.GetFiles(temp, $"dotnet-diagnostic-{p.Id}-*"), .. Directory.GetFiles(temp, $"clr-debug-pipe-{p.Id}-*")];
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill();
                p.WaitForExit();
            }
        }
    }
}
