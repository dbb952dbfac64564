namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift record [OPTIONS] -- COMMAND [ARGS...]</c>.</summary>
public static class RecordSettings
{
    private const string Who = "Attribution";
    private const string Wait = "Waiting for CloudTrail";
    private const string Out = "Output";

    public static readonly OptionSpec Role = new("role", OptionArity.Single, "assume this role (STS) and run COMMAND with the session's credentials; without it COMMAND runs with yours", "ARN", Group: Who);
    public static readonly OptionSpec SourceIdentity = new("source-identity", OptionArity.Single, "with --role: set this source identity on the session (the trust policy must allow sts:SetSourceIdentity)", "ID", Group: Who);
    public static readonly OptionSpec Also = new("also", OptionArity.Repeated, "also collect the calls of a principal acting for COMMAND (a service role), until the sentinels (repeatable)", "ARN|NAME", Group: Who);
    public static readonly OptionSpec Region = new("region", OptionArity.Repeated, "regions to watch (repeatable; default: every region of the partition of the default region)", "REGION", Group: Wait);
    public static readonly OptionSpec Deadline = new("deadline", OptionArity.Single, "stop waiting for delivery after this long (default 20m); regions without their sentinel are incomplete", "DURATION", Group: Wait);
    public static readonly OptionSpec Poll = new("poll", OptionArity.Single, "time between lookups (default 30s)", "DURATION", Group: Wait);
    public static readonly OptionSpec OutFile = new("out", OptionArity.Single, "write the recording here (default trailsift-record-<time>.ndjson)", "FILE", 'o', Out);
    public static readonly OptionSpec Append = new("append", OptionArity.Single, "add this run to an earlier recording (its events, deduplicated, and its run line)", "RECORDING", Group: Out);
    public static readonly OptionSpec Format = new("format", OptionArity.Single, "format of the policy: json | terraform | cloudformation (default json)", "FORMAT", 'f', Out);
    public static readonly OptionSpec Check = new("check", OptionArity.Single, "also replay the run's calls against this policy (check); exit 3 if it would deny one", "POLICY", Group: Out);

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [Role, SourceIdentity, Also, Region, Deadline, Poll, OutFile, Append, Format, Check, S3Options.Profile, ScanOptions.Help];
}
