using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TrailSift.Core.Analysis.Recording;
using TrailSift.Core.Aws;
using TrailSift.Core.Events;
using TrailSift.Core.Sources.Remote.CloudTrail;

namespace TrailSift.Cli.Commands;

/// <summary>The run: credentials, the child process, the sentinels and the wait.</summary>
public sealed partial class RecordCommand
{
    private static int Record(RecordOptions o, AppEnvironment env)
    {
        AwsConnection caller;
        try
        {
            caller = AwsConnection.Resolve(AwsSettings.FromVariables(env.Variables, o.Profile));
        }
        catch (AwsAccessException e)
        {
            env.Stderr.WriteLine($"trailsift record: {e.Message}");
            return ExitCodes.Error;
        }

        string nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        string sessionName = "trailsift-" + nonce;
        AwsRoleSession? session = null;
        string? callerArn = null;
        try
        {
            if (o.Role is { } role)
            {
                session = AwsSts.AssumeRoleAsync(caller, role, sessionName, o.SourceIdentity, TimeSpan.FromHours(1)).GetAwaiter().GetResult();
                env.Stderr.WriteLine($"trailsift record: assumed {role} as session {sessionName} (key {session.AccessKeyId})");
            }
            else
            {
                callerArn = AwsSts.CallerArnAsync(caller).GetAwaiter().GetResult();
                env.Stderr.WriteLine($"trailsift record: no --role: recording the calls of {callerArn} during the run");

                // That call is the caller's too: COMMAND starts two seconds later, so its window (whole seconds,
                // possibly rounded up) cannot hold it.
                SleepUntil(DateTimeOffset.FromUnixTimeSeconds(env.Time.GetUtcNow().ToUnixTimeSeconds() + 2), env);
            }
        }
        catch (AwsServiceException e)
        {
            env.Stderr.WriteLine($"trailsift record: STS: {e.Describe()}");
            return ExitCodes.Error;
        }

        AwsConnection recording = session is null ? caller : caller.WithCredentials(AwsSts.Credentials(session));
        (int exitCode, DateTimeOffset start, DateTimeOffset end)? child = RunChild(o, env, session, sessionName);
        if (child is not { } c)
        {
            return ExitCodes.Error;
        }

        env.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trailsift record: COMMAND exited with {c.exitCode} after {(c.end - c.start).TotalSeconds:F1} s ({c.start:yyyy-MM-ddTHH:mm:ssZ} to {c.end:yyyy-MM-ddTHH:mm:ssZ})"));

        IReadOnlyList<string> regions = o.Regions.Count > 0 ? o.Regions : [.. new[] { caller.DefaultRegion, "us-east-1" }.Distinct(StringComparer.Ordinal)];
        DateTimeOffset sentinelAt = SendSentinels(recording, regions, c.end, env);
        var run = new RecordedRun
        {
            Start = c.start,
            End = c.end,
            AlsoUntil = sentinelAt,
            AccessKeyId = session?.AccessKeyId,
            SessionName = session?.SessionName,
            SourceIdentity = session?.SourceIdentity,
            CallerArn = callerArn,
            Also = o.Also,
        };

        string recordingKey = session?.AccessKeyId ?? caller.Credentials.GetCredentials().AccessKey;
        WatchResult watched = Watch(caller, run, regions, recordingKey, sentinelAt, o, env);
        var info = new RunInfo(o, c.exitCode, run, regions, watched, sessionName);
        int written = RecordingFile.Write(o.Out, o.Append, watched.Events, info, env);
        if (written < 0)
        {
            return ExitCodes.Error;
        }

        bool incomplete = ReportRegions(watched, env);
        string principal = session?.RoleArn ?? callerArn!;
        int summary = Summarize(o, principal, env);
        return summary == ExitCodes.WouldDeny ? ExitCodes.WouldDeny : incomplete ? ExitCodes.Error : ExitCodes.Results;
    }

    private static (int, DateTimeOffset, DateTimeOffset)? RunChild(RecordOptions o, AppEnvironment env, AwsRoleSession? session, string sessionName)
    {
        var start = new ProcessStartInfo(o.Command[0]) { UseShellExecute = false };
        foreach (string a in o.Command.Skip(1))
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Clear();
        foreach ((string k, string v) in env.Variables)
        {
            start.Environment[k] = v;
        }

        start.Environment["AWS_SDK_UA_APP_ID"] = sessionName;
        if (session is not null)
        {
            // The SDKs would prefer a named profile over these keys: the child gets the session and nothing else.
            start.Environment.Remove("AWS_PROFILE");
            start.Environment.Remove("AWS_DEFAULT_PROFILE");
            start.Environment["AWS_ACCESS_KEY_ID"] = session.AccessKeyId;
            start.Environment["AWS_SECRET_ACCESS_KEY"] = session.SecretAccessKey;
            start.Environment["AWS_SESSION_TOKEN"] = session.SessionToken;
        }

        // Ctrl-C reaches COMMAND through the terminal's process group; trailsift stays to collect what it did.
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => ctx.Cancel = true);
        DateTimeOffset began = env.Time.GetUtcNow();
        try
        {
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("no process");
            process.WaitForExit();
            return (process.ExitCode, began, env.Time.GetUtcNow());
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            env.Stderr.WriteLine($"trailsift record: cannot run '{o.Command[0]}': {e.Message}");
            return null;
        }
    }

    // One DescribeTrails per region with the recording credentials, in the second after the run's last one, so the
    // sentinel's event time is past the command's window. A denied sentinel is logged too and serves as well.
    private static DateTimeOffset SendSentinels(AwsConnection recording, IReadOnlyList<string> regions, DateTimeOffset end, AppEnvironment env)
    {
        SleepUntil(DateTimeOffset.FromUnixTimeSeconds(end.ToUnixTimeSeconds() + 2), env);

        DateTimeOffset at = env.Time.GetUtcNow();
        using var client = new AwsClient(recording, AwsService.CloudTrail);
        foreach (string region in regions)
        {
            try
            {
                client.JsonAsync(region, SentinelTarget, "{}"u8.ToArray()).GetAwaiter().GetResult();
            }
            catch (AwsServiceException e) when (e.StatusCode is not null)
            {
                env.Stderr.WriteLine($"trailsift record: {region}: sentinel answered {e.ErrorCode} (it is logged all the same)");
            }
            catch (AwsServiceException e)
            {
                env.Stderr.WriteLine($"trailsift record: {region}: sentinel failed: {e.Describe()}; the region cannot be confirmed complete");
            }
        }

        return at;
    }

    private static void SleepUntil(DateTimeOffset when, AppEnvironment env)
    {
        TimeSpan wait = when - env.Time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            Thread.Sleep(wait);
        }
    }

    private static WatchResult Watch(AwsConnection caller, RecordedRun run, IReadOnlyList<string> regions, string recordingKey, DateTimeOffset sentinelAt,
        RecordOptions o, AppEnvironment env)
    {
        var attribution = new RunAttribution(run);
        // Calls of --also principals and of chained sessions (which carry the source identity) have other keys: then the window alone.
        LookupAttribute? attribute = o.Also.Count > 0 || run.SourceIdentity is not null ? null
            : LookupAttributes.Choose(run.AccessKeyId, [], run.CallerArn);
        long sentinelSecond = sentinelAt.ToUnixTimeSeconds();

        string? Keep(byte[] e)
        {
            using EventRecord r = EventRecord.Parse(e);
            return attribution.Matches(r) && r.Root.GetProperty("eventID"u8) is { Kind: JsonKind.String } id ? id.GetString() : null;
        }

        bool IsSentinel(string region, byte[] e)
        {
            using EventRecord r = EventRecord.Parse(e);
            return r.EventName is { Kind: JsonKind.String } n && n.GetString() == "DescribeTrails"
                && r.AwsRegion is { Kind: JsonKind.String } a && a.GetString() == region
                && r.UserIdentity.GetProperty("accessKeyId"u8) is { Kind: JsonKind.String } k && k.GetString() == recordingKey
                && r.EventTime is { } t && t.ToUnixTimeSeconds() >= sentinelSecond;
        }

        using var lookup = new CloudTrailLookup(caller);
        var watch = new CloudTrailWatch(lookup);
        DateTimeOffset deadline = run.End + o.Deadline;
        return watch.RunAsync(regions, DateTimeOffset.FromUnixTimeSeconds(run.FirstSecond), attribute, deadline, o.Poll, Keep, IsSentinel,
            p => WriteProgress(p, env)).GetAwaiter().GetResult();
    }

    private static void WriteProgress(WatchProgress p, AppEnvironment env)
    {
        string pending = p.Pending.Count == 0 ? "none" : string.Join(", ", p.Pending);
        string left = p.Left <= TimeSpan.Zero ? "0:00" : p.Left.ToString(@"m\:ss", CultureInfo.InvariantCulture);
        string line = string.Create(CultureInfo.InvariantCulture, $"trailsift record: waiting for CloudTrail: {p.Events} events so far; pending: {pending}; {left} left");
        env.Stderr.Write(env.StderrIsTerminal ? "\r\x1b[K" + line : line + "\n");
        if (env.StderrIsTerminal && p.Pending.Count == 0)
        {
            env.Stderr.WriteLine();
        }
    }

    private static bool ReportRegions(WatchResult watched, AppEnvironment env)
    {
        bool incomplete = false;
        if (env.StderrIsTerminal)
        {
            env.Stderr.WriteLine();
        }

        foreach ((string region, bool complete) in watched.Complete)
        {
            string error = watched.Errors.TryGetValue(region, out string? e) ? $"; last lookup failed: {e}" : string.Empty;
            env.Stderr.WriteLine(complete
                ? $"trailsift record: {region}: complete (sentinel delivered)"
                : $"trailsift record: {region}: INCOMPLETE: the sentinel was not delivered by the deadline; calls made there may be missing{error}");
            incomplete |= !complete;
        }

        return incomplete;
    }
}
