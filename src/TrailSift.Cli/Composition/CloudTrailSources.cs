using TrailSift.Cli.Settings;
using TrailSift.Core.Aws;
using TrailSift.Core.Sources;
using TrailSift.Core.Sources.Remote.CloudTrail;

namespace TrailSift.Cli.Composition;

/// <summary>
/// The CLI side of the <c>cloudtrail:</c> source: AWS settings from <c>--profile</c> and the environment, the lookup
/// attribute the command's selection implies, and the API's limits stated on stderr when the source is used.
/// </summary>
public static class CloudTrailSources
{
    /// <summary>The source for a scan (nothing is contacted until <c>cloudtrail:</c> is listed), disposed when the command run ends.</summary>
    public static CloudTrailLogSource Source(ParsedArgs args, AppEnvironment env, string? accessKeyId = null)
    {
        if (args.Positionals.Contains(CloudTrailLogSource.Scheme))
        {
            WriteLimits(args, env);
        }

        return env.Resources.Own(new CloudTrailLogSource(new CloudTrailSourceSettings
        {
            Aws = AwsSettings.FromVariables(env.Variables, args.Get(S3Options.Profile.Name)),
            Attribute = LookupAttributes.Choose(accessKeyId, args.GetAll(ScanOptions.Event.Name), args.Get(ScanOptions.Principal.Name)),
            Time = env.Time,
        }));
    }

    // The limits always apply (management events only); the 90 days when the window reaches further back.
    private static void WriteLimits(ParsedArgs args, AppEnvironment env)
    {
        env.Stderr.WriteLine("trailsift: note: cloudtrail: reads LookupEvents, which returns management events only: data events (S3 objects, Lambda invokes, ...) need the S3 source");
        DateTimeOffset now = env.Time.GetUtcNow();
        if (args.Get(ScanOptions.Since.Name) is not string since
            || (TimeArgument.TryParse(since, now, out DateTimeOffset start) && start < now - LookupRequest.History))
        {
            env.Stderr.WriteLine("trailsift: note: cloudtrail: the event history holds the last 90 days only; older events need a trail's S3 files");
        }
    }
}
