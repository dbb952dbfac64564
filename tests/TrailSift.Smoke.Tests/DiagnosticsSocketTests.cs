using System.Diagnostics;
using TrailSift.Testing;

namespace TrailSift.Smoke.Tests;

/// <summary>The <c>./trailsift</c> launcher runs the CLI without the runtime's diagnostic IPC socket, which a killed
/// process would leave behind in the temp directory (issue #12).</summary>
public sealed class DiagnosticsSocketTests
{
    [Fact]
    public void Should_Open_No_Diagnostic_Socket_When_Run_Through_The_Launcher()
    {
        // Given: the repository's launcher next to the built CLI (no src/ beside it, so it does not rebuild), and a
        // FIFO nobody writes to, so the scan waits
        Assert.True(OperatingSystem.IsLinux(), "needs mkfifo and /tmp sockets");
        using var tree = new TempTree();
        string launcher = Path.Combine(tree.Root, "trailsift");
        File.Copy(Path.Combine(RepoPaths.Root, "trailsift"), launcher);
        Directory.CreateDirectory(Path.Combine(tree.Root, ".work"));
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, ".work", "cli"), AppContext.BaseDirectory);
        string fifo = Path.Combine(tree.Root, "events");
        using (Process mk = Process.Start("mkfifo", [fifo]))
        {
            mk.WaitForExit();
        }

        var psi = new ProcessStartInfo("bash", [launcher, "count", fifo]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment.Remove("DOTNET_EnableDiagnostics");
        psi.Environment.Remove("TRAILSIFT_DIAGNOSTICS");
        using Process p = Process.Start(psi)!;
        try
        {
            // When: the runtime is up (it creates the socket at startup, before Main) and the CLI waits on the FIFO
            WaitForMain(p.Id);

            // Then
            string[] sockets = Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{p.Id}-*");
            Assert.Empty(sockets);
            Assert.False(p.HasExited);
        }
        finally
        {
            p.Kill();
            p.WaitForExit();
            foreach (string left in Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{p.Id}-*"))
            {
                File.Delete(left); // only when the assertion failed: a killed runtime leaves its socket behind
            }
        }
    }

    // The launcher execs dotnet in the same process; waits until the process has the FIFO open (the CLI is in Main).
    private static void WaitForMain(int pid)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            string cmdline = File.Exists($"/proc/{pid}/cmdline") ? File.ReadAllText($"/proc/{pid}/cmdline") : string.Empty;
            if (cmdline.Contains("trailsift.dll", StringComparison.Ordinal) && Directory.GetDirectories($"/proc/{pid}/task").Length > 3)
            {
                Thread.Sleep(500);
                return;
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("the CLI did not start");
    }
}
