using System.Diagnostics;
using System.Text.Json;
using TrailSift.Testing;
using TrailSift.Testing.Aws;

namespace TrailSift.Cli.Tests.CloudTrail;

/// <summary>
/// A signal sent to <c>trailsift record</c> alone (not to its process group) while COMMAND runs: TrailSift passes it on to
/// COMMAND, looks up what CloudTrail holds for the window so far, and says the recording is interrupted (exit 2).
/// TrailSift runs as a process of its own here, in a session of its own (no controlling terminal).
/// </summary>
[Collection("record")]
public sealed class RecordSignalTests : IDisposable
{
    private readonly RecordFixture _f = new();

    [UnixTheory("/usr/bin/setsid")]
    [InlineData("INT", "SIGINT")]
    [InlineData("TERM", "SIGTERM")]
    public void Should_Pass_The_Signal_To_The_Command_And_Keep_What_It_Did_When_Trailsift_Alone_Is_Signalled(string signal, string name)
    {
        // Given a command that calls S3, then waits to be stopped; events delivered at once
        _f.Trail.Delay = TimeSpan.Zero;
        string marker = Path.Combine(_f.Home.Root, "child-signal");
        using Process trailsift = Start(["--role", RecordFixture.Role, "--region", "us-east-1", "--poll", "1s", "--deadline", "60s", "--out", _f.Recording,
            .. RecordFixture.Child("s3:ListBuckets", $"trap={marker}", "sleep=60000")]);
        Task<string> stdout = trailsift.StandardOutput.ReadToEndAsync();
        Task<string> stderr = trailsift.StandardError.ReadToEndAsync();
        var ready = Stopwatch.StartNew();
        while (!(File.Exists(marker) && File.ReadAllText(marker) == "ready") && ready.Elapsed < TimeSpan.FromSeconds(60) && !trailsift.HasExited)
        {
            Thread.Sleep(50);
        }

        Assert.True(File.Exists(marker), $"the command did not start: {(trailsift.HasExited ? stderr.Result : "still waiting")}");

        // When the signal goes to trailsift's pid only
        using (Process kill = Process.Start("/bin/kill", [$"-{signal}", trailsift.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(trailsift.WaitForExit(TimeSpan.FromSeconds(60)), "trailsift did not end");
        string errors = stderr.Result;

        // Then the command got it from trailsift and ended; its call was recorded; the run says it was interrupted
        Assert.Equal(name, File.ReadAllText(marker));
        Assert.True(trailsift.ExitCode == 2, errors);
        Assert.Contains("COMMAND exited with 130", errors, StringComparison.Ordinal);
        Assert.Contains($"us-east-1: INCOMPLETE: the recording was interrupted by {name}", errors, StringComparison.Ordinal);
        Assert.Contains($"INTERRUPTED by {name}", errors, StringComparison.Ordinal);
        LoopbackIdentity session = Assert.Single(_f.Sts.Sessions);
        Assert.Equal(_f.CallsOf(session.AccessKeyId).Select(e => e.EventId), RecordFixture.Ids(_f.Recording));
        Assert.DoesNotContain(_f.Loopback.Calls, c => c.Operation == "DescribeTrails"); // no sentinel: nothing is awaited
        using var run = JsonDocument.Parse(File.ReadAllLines(_f.Recording + ".runs.ndjson").Single());
        Assert.Equal(name, run.RootElement.GetProperty("interrupted").GetString());
        Assert.Contains("# minimal policy of", stdout.Result, StringComparison.Ordinal);
    }

    [UnixFact("/usr/bin/setsid")]
    public void Should_Stop_Waiting_And_Write_What_Was_Delivered_When_Signalled_During_The_Wait()
    {
        // Given sentinels that are never delivered, the command's own call delivered at once
        _f.Trail.Delay = TimeSpan.Zero;
        _f.Trail.DelayOf = e => e.EventName == "DescribeTrails" ? TimeSpan.FromHours(1) : null;
        using Process trailsift = Start(["--role", RecordFixture.Role, "--region", "us-east-1", "--poll", "1s", "--deadline", "120s", "--out", _f.Recording,
            .. RecordFixture.Child("s3:ListBuckets")]);
        Task<string> stdout = trailsift.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        string? line;
        while ((line = trailsift.StandardError.ReadLine()) is not null && !line.Contains("waiting for CloudTrail: 1 events so far", StringComparison.Ordinal))
        {
            stderr.AppendLine(line);
        }

        Assert.True(line is not null, stderr.ToString());

        // When
        var waited = Stopwatch.StartNew();
        using (Process kill = Process.Start("/bin/kill", ["-INT", trailsift.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        stderr.Append(trailsift.StandardError.ReadToEnd());
        Assert.True(trailsift.WaitForExit(TimeSpan.FromSeconds(60)), "trailsift did not end");

        // Then the wait ended long before the deadline, with the delivered call and the verdict
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), waited.Elapsed.ToString());
        Assert.True(trailsift.ExitCode == 2, stderr.ToString());
        Assert.Contains("us-east-1: INCOMPLETE: the recording was interrupted by SIGINT", stderr.ToString(), StringComparison.Ordinal);
        LoopbackIdentity session = Assert.Single(_f.Sts.Sessions);
        Assert.Equal(_f.CallsOf(session.AccessKeyId).Select(e => e.EventId), RecordFixture.Ids(_f.Recording));
        Assert.Contains("# minimal policy of", stdout.Result, StringComparison.Ordinal);
    }

    // trailsift.dll with the running dotnet host, in a new session (setsid: no controlling terminal, so no process group
    // that a terminal would signal), with the loopback's environment.
    private Process Start(string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _f.Home.Root,
        };
        start.ArgumentList.Add(Environment.ProcessPath!);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "trailsift.dll"));
        start.ArgumentList.Add("record");
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Clear();
        foreach ((string k, string v) in _f.Loopback.Environment(_f.Caller, _f.Home.Root))
        {
            start.Environment[k] = v;
        }

        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root)
        {
            start.Environment["DOTNET_ROOT"] = root;
        }

        return Process.Start(start)!;
    }

    public void Dispose() => _f.Dispose();
}
