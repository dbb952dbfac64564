using System.Globalization;
using TrailSift.Cli.Settings;

namespace TrailSift.Cli.Commands;

/// <summary>
/// <c>trailsift record [OPTIONS] -- COMMAND [ARGS...]</c>: runs COMMAND (under an assumed role with <c>--role</c>), waits for
/// CloudTrail to deliver its calls (a sentinel per region, a deadline), writes them to a recording and prints the
/// summary of the existing analyses over it (<c>actions --summary</c>, <c>denied</c>, <c>policy</c>, <c>check</c>).
/// </summary>
public sealed partial class RecordCommand : ICommand
{
    /// <summary>The sentinel: a cheap call CloudTrail logs (allowed or denied) in every region.</summary>
    public const string SentinelTarget = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails";

    /// <inheritdoc />
    public string Name => "record";

    /// <inheritdoc />
    public string Usage => "record [OPTIONS] -- COMMAND [ARGS...]";

    /// <inheritdoc />
    public string Summary => "run a command, collect its calls from CloudTrail (LookupEvents) and print its minimal policy";

    /// <inheritdoc />
    public string Details => """
        Runs COMMAND with a role session of its own (--role, session trailsift-NONCE) or with your credentials, and sets
        AWS_SDK_UA_APP_ID=trailsift-NONCE. After it exits, makes one logged call per watched region (cloudtrail
        DescribeTrails, the sentinel) and polls LookupEvents until every sentinel has been delivered or --deadline
        passes; regions without their sentinel are reported incomplete. The calls of the session (or, without --role,
        yours during the run) and of the --also principals are written to the recording, which every command reads,
        then summarised by actions --summary, denied, policy and, with --check, check. LookupEvents holds management
        events only: data events (S3 objects, Lambda invokes) are not recorded.

        Exit codes: 0 recorded and complete; 2 usage, AWS errors or an incomplete region; 3 --check would deny a call.

        Examples:
          trailsift record --role arn:aws:iam::111122223333:role/app -- ./deploy.sh
          trailsift record --region eu-west-1 --also EMR_DefaultRole --check candidate.json -- aws emr create-cluster ...
          trailsift record --append rec.ndjson --role arn:aws:iam::111122223333:role/app -- ./deploy.sh --fail-path
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => RecordSettings.All;

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        if (!TryReadOptions(args, env, out RecordOptions? options))
        {
            env.Stderr.WriteLine($"usage: trailsift {Usage}");
            return ExitCodes.Error;
        }

        return Record(options, env);
    }

    private static bool TryReadOptions(ParsedArgs args, AppEnvironment env, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RecordOptions? options)
    {
        options = null;
        void Usage(string message) => env.Stderr.WriteLine($"trailsift record: {message}");

        if (args.Positionals.Count == 0)
        {
            Usage("give the command to run after --");
            return false;
        }

        TimeSpan deadline = TimeSpan.FromMinutes(20), poll = TimeSpan.FromSeconds(30);
        if (args.Get(RecordSettings.Deadline.Name) is string d && (!TimeArgument.TryParseDuration(d, out deadline) || deadline <= TimeSpan.Zero))
        {
            Usage($"--deadline: expected a duration such as 20m or 90s, got '{d}'");
            return false;
        }

        if (args.Get(RecordSettings.Poll.Name) is string p && (!TimeArgument.TryParseDuration(p, out poll) || poll <= TimeSpan.Zero))
        {
            Usage($"--poll: expected a duration such as 30s, got '{p}'");
            return false;
        }

        string format = (args.Get(RecordSettings.Format.Name) ?? "json").ToLowerInvariant();
        if (format is not ("json" or "terraform" or "cloudformation"))
        {
            Usage($"--format: expected json, terraform or cloudformation, got '{format}'");
            return false;
        }

        string? check = args.Get(RecordSettings.Check.Name);
        if (check is not null && !File.Exists(check))
        {
            Usage($"--check: {check}: no such file");
            return false;
        }

        string? append = args.Get(RecordSettings.Append.Name);
        if (append is not null && !File.Exists(append))
        {
            Usage($"--append: {append}: no such file");
            return false;
        }

        if (args.Get(RecordSettings.SourceIdentity.Name) is not null && args.Get(RecordSettings.Role.Name) is null)
        {
            Usage("--source-identity needs --role");
            return false;
        }

        string stamp = env.Time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        options = new RecordOptions
        {
            Command = [.. args.Positionals],
            Role = args.Get(RecordSettings.Role.Name),
            SourceIdentity = args.Get(RecordSettings.SourceIdentity.Name),
            Also = args.GetAll(RecordSettings.Also.Name),
            Regions = [.. args.GetAll(RecordSettings.Region.Name).Distinct(StringComparer.Ordinal)],
            Deadline = deadline,
            Poll = poll,
            Out = args.Get(RecordSettings.OutFile.Name) ?? append ?? $"trailsift-record-{stamp}.ndjson",
            Append = append,
            Format = format,
            Check = check,
            Profile = args.Get(S3Options.Profile.Name),
        };
        return true;
    }
}
