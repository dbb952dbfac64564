using System.Diagnostics;
using TrailSift.Testing;
using TrailSift.Testing.S3;

namespace TrailSift.Cli.Tests.S3;

/// <summary>What a run leaves behind: no open connection after it ends, nothing partial after Ctrl-C.</summary>
public sealed partial class S3ReadTests
{
    [S3Fact]
    public void Should_CloseEveryConnectionToTheServer_When_TheRunEnds()
    {
        // Given a relay that sees when the client (not the server) closes a connection
        using var relay = new ClientConnectionRelay(_s3.Server.Endpoint);
        string day = $"s3://{S3TrailFixture.Bucket}/AWSLogs/{OrgTrail.Org}/{Account}/CloudTrail/{Region}/2024/05/02/";

        // When a run with several concurrent GETs ends
        CliRunResult run = S3TrailFixture.Run(["count", day, "--endpoint-url", relay.Endpoint, "--no-cache"]);

        // Then its SDK clients were disposed with the run: every keep-alive connection was closed by the client at once
        // (an undisposed client keeps idle connections for a minute or more)
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(relay.Accepted > 0);
        Assert.True(SpinWait.SpinUntil(() => relay.Open == 0, TimeSpan.FromSeconds(3)), $"{relay.Open} of {relay.Accepted} connections still open");
    }

    [S3Fact]
    public void Should_CancelTheGetsInFlight_LeaveNothingPartialInTheCache_AndExit130_When_CtrlCInterruptsAScan()
    {
        // Given the real binary scanning through a proxy that answers no GET (each stays in flight), with the cache
        using var cache = new TempTree();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        using var proxy = new FaultProxy(_s3.Server.Endpoint);
        proxy.Hold = r =>
        {
            if (!r.IsGetObject)
            {
                return Task.CompletedTask;
            }

            held.TrySetResult();
            return never.Task;
        };
        using Process trailsift = RealCli.Start(["query", "-f", "ndjson", $"s3://{S3TrailFixture.Bucket}/AWSLogs/", .. Window, "--endpoint-url", proxy.Endpoint, "--cache", cache.Root],
            new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = S3Server.Key, ["AWS_SECRET_ACCESS_KEY"] = S3Server.Key });
        Task<string> stderr = trailsift.StandardError.ReadToEndAsync();
        Task<string> stdout = trailsift.StandardOutput.ReadToEndAsync();
        Assert.True(held.Task.Wait(TimeSpan.FromSeconds(60)), "no GET reached the proxy");
        Thread.Sleep(200); // the other GETs of the read-ahead start too
        Assert.NotEmpty(Directory.GetFiles(cache.Root, "*.part", SearchOption.AllDirectories));

        // When Ctrl-C (SIGINT) reaches it
        var clock = Stopwatch.StartNew();
        RealCli.Interrupt(trailsift);

        bool ended = trailsift.WaitForExit(TimeSpan.FromSeconds(30));
        clock.Stop();
        never.TrySetResult();

        // Then it stopped by cancelling (not by the grace timer, which says nothing and removes nothing): exit 130, one
        // line, before the grace period ended, and no partial object left in the cache
        Assert.True(ended, "trailsift did not end");
        Assert.True(trailsift.ExitCode == 130, $"exit {trailsift.ExitCode}: {stderr.Result}");
        Assert.Equal("trailsift: interrupted\n", stderr.Result);
        Assert.Empty(stdout.Result);
        Assert.True(clock.Elapsed < TrailSift.Cli.Composition.InterruptHook.Grace, $"took {clock.Elapsed}");
        Assert.Empty(Directory.GetFiles(cache.Root, "*.part", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(cache.Root, "*.json.gz", SearchOption.AllDirectories));
    }
}
