using System.Diagnostics;
using System.Globalization;
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
        string callerArn;
        try
        {
            callerArn = AwsSts.CallerArnAsync(caller).GetAwaiter().GetResult();
            if (o.Role is { } role)
            {
                session = AwsSts.AssumeRoleAsync(caller, role, sessionName, o.SourceIdentity, TimeSpan.FromHours(1)).GetAwaiter().GetResult();
                env.Stderr.WriteLine($"trailsift record: assumed {role} as session {sessionName} (key {session.AccessKeyId})");
                if (AwsSts.AccountOf(role) is { } roleAccount && roleAccount != AwsSts.AccountOf(callerArn))
                {
                    env.Stderr.WriteLine($"trailsift record: note: the role is in account {roleAccount} but the lookups read the event history of {AwsSts.AccountOf(callerArn)} (your credentials): run record with credentials of {roleAccount}");
                }
            }
            else
            {
                env.Stderr.WriteLine($"trailsift record: no --role: recording the calls of {callerArn} during the run");

                // That GetCallerIdentity is the caller's call too: COMMAND starts two seconds later, so its window
                // (whole seconds, possibly rounded up) cannot hold it.
                WallClock.SleepUntil(DateTimeOffset.FromUnixTimeSeconds(env.Time.GetUtcNow().ToUnixTimeSeconds() + 2), env.Time);
            }
        }
        catch (AwsServiceException e)
        {
            env.Stderr.WriteLine($"trailsift record: STS: {e.Describe()}");
            return ExitCodes.Error;
        }

        AwsConnection recording = session is null ? caller : caller.WithCredentials(AwsSts.Credentials(session));
        using var signals = new RecordSignals();
        (int exitCode, DateTimeOffset start, DateTimeOffset end)? child = RunChild(o, env, session, sessionName, signals);
        if (child is not { } c)
        {
            return ExitCodes.Error;
        }

        env.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trailsift record: COMMAND exited with {c.exitCode} after {(c.end - c.start).TotalSeconds:F1} s ({c.start:yyyy-MM-ddTHH:mm:ssZ} to {c.end:yyyy-MM-ddTHH:mm:ssZ})"));

        env.Stderr.WriteLine("trailsift record: note: LookupEvents returns management events only: COMMAND's data events (S3 object reads and writes, Lambda invokes, ...) are not recorded");

        // Without --region: every region of the partition, so the regions COMMAND called are known once each has
        // confirmed delivery; the report names them.
        IReadOnlyList<string> regions = o.Regions.Count > 0 ? o.Regions : AwsRegions.InPartitionOf(caller.DefaultRegion);
        Sentinels sentinels = signals.Received is null ? SendSentinels(recording, regions, c.end, env)
            : new Sentinels(env.Time.GetUtcNow(), new Dictionary<string, string>());
        var run = new RecordedRun
        {
            Start = c.start,
            End = c.end,
            AlsoUntil = sentinels.At,
            AccessKeyId = session?.AccessKeyId,
            SessionName = session?.SessionName,
            SourceIdentity = session?.SourceIdentity,
            CallerArn = session is null ? callerArn : null,
            Also = o.Also,
        };

        string recordingKey = session?.AccessKeyId ?? caller.Credentials.GetCredentials().AccessKey;
        IReadOnlyList<string> watchedRegions = [.. regions.Where(r => !sentinels.Refused.ContainsKey(r))];
        WatchResult watched = Watch(caller, AwsSts.AccountOf(callerArn), run, watchedRegions, recordingKey, sentinels.At, o, env, signals);
        var verdict = new RegionVerdict(regions, o.Regions.Count == 0, watched, sentinels.Refused, signals.Received);
        var info = new RunInfo(o, c.exitCode, run, verdict, sessionName);
        int written = RecordingFile.Write(o.Out, o.Append, watched.Events, info, env);
        if (written < 0)
        {
            return ExitCodes.Error;
        }

        bool incomplete = ReportRegions(verdict, env);
        string principal = session?.RoleArn ?? callerArn;
        int summary = Summarize(o, principal, env);
        return summary == ExitCodes.WouldDeny ? ExitCodes.WouldDeny : incomplete ? ExitCodes.Error : ExitCodes.Results;
    }

    private static (int, DateTimeOffset, DateTimeOffset)? RunChild(RecordOptions o, AppEnvironment env, AwsRoleSession? session, string sessionName, RecordSignals signals)
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

        // Ctrl-C reaches COMMAND through the terminal's process group, other signals through RecordSignals; trailsift
        // stays to collect what it did.
        DateTimeOffset began = env.Time.GetUtcNow();
        try
        {
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("no process");
            signals.Child = process.Id;
            process.WaitForExit();
            signals.Child = 0;
            return (process.ExitCode, began, env.Time.GetUtcNow());
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            env.Stderr.WriteLine($"trailsift record: cannot run '{o.Command[0]}': {e.Message}");
            return null;
        }
    }
}
