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
        Thread.Sleep(1500); // started and waiting (no output to wait for)
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
}
