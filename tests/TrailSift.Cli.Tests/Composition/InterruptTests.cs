using System.Diagnostics;
using TrailSift.Cli.Composition;
using TrailSift.Core.Scan;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Composition;

/// <summary>Ctrl-C (SIGINT) sent to the real process while a scan cannot go on by itself.</summary>
public sealed class InterruptTests
{
    [UnixFact("/usr/bin/mkfifo")]
    public void Should_EndWithCode130AtOnce_When_CtrlCArrivesWhileAScanWaitsForAFifosWriter()
    {
        // Given count reading a FIFO that no one opens for writing (the open blocks in the kernel)
        using var tree = new TempTree();
        string fifo = Path.Combine(tree.Root, "events.fifo");
        using (Process mkfifo = Process.Start("/usr/bin/mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        using Process trailsift = RealCli.Start(["count", "--threads", "2", fifo]);
        Task<string> stderr = trailsift.StandardError.ReadToEndAsync();
        Task<string> stdout = trailsift.StandardOutput.ReadToEndAsync();
        WaitUntilBlockedOnTheFifo(trailsift); // the run (and its interrupt hook) is set up: a signal now is the run's
        Assert.False(trailsift.HasExited, stderr.IsCompleted ? stderr.Result : "exited");

        // When
        var clock = Stopwatch.StartNew();
        RealCli.Interrupt(trailsift);
        bool ended = trailsift.WaitForExit(TimeSpan.FromSeconds(30));
        clock.Stop();

        // Then the scan gave up its blocked worker (not the grace timer, which would say nothing): code 130, one line
        Assert.True(ended, "trailsift did not end");
        Assert.True(trailsift.ExitCode == ExitCodes.Interrupted, $"exit {trailsift.ExitCode}: {stderr.Result}");
        Assert.Equal("trailsift: interrupted\n", stderr.Result);
        Assert.Empty(stdout.Result);
        Assert.True(clock.Elapsed < InterruptHook.Grace, $"took {clock.Elapsed} (blocked workers are given up after {ParallelScanner.AbandonBlockedAfter})");
    }

    // A thread blocked opening a FIFO that has no writer waits in the kernel's wait_for_partner (/proc/PID/task/*/wchan).
    // A fixed sleep was not enough on a loaded machine: a SIGINT that came before the run's hook killed the process
    // (code 130 from the signal itself, no "interrupted" line). Where wchan is not readable, wait 1.5 s as before.
    private static void WaitUntilBlockedOnTheFifo(Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            string[] wchans;
            try
            {
                wchans = [.. Directory.GetDirectories($"/proc/{process.Id}/task").Select(t => File.ReadAllText(Path.Combine(t, "wchan")))];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                wchans = [];
            }

            if (wchans.Contains("wait_for_partner"))
            {
                return;
            }

            if (wchans.Length > 0 && wchans.All(static w => w == "0") && clock.Elapsed > TimeSpan.FromSeconds(1.5))
            {
                return;
            }

            Thread.Sleep(20);
        }
    }
}
