namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift simulate</c>.</summary>
public static class SimulateSettings
{
    private const string Out = "Output";
    private const string Flags = "Request flags (like aws iam simulate-custom-policy)";

    public static readonly OptionSpec Request = new("request", OptionArity.Single, "the simulate request (docs/simulate-request.md); '-' or none reads standard input", "FILE", 'r', "Input");
    public static readonly OptionSpec Action = new("action", OptionArity.Single, "instead of a request file: the action, e.g. s3:GetObject", "ACTION", Group: Flags);
    public static readonly OptionSpec Resource = new("resource", OptionArity.Single, "the resource ARN (default *)", "ARN", Group: Flags);
    public static readonly OptionSpec Context = new("context", OptionArity.Repeated, "a condition key and value, e.g. aws:SourceIp=192.0.2.1 (repeat a key for several values)", "KEY=VALUE", Group: Flags);
    public static readonly OptionSpec Policy = new("policy", OptionArity.Repeated, "an identity policy file (repeatable)", "FILE", 'p', Flags);
    public static readonly OptionSpec ResourcePolicy = new("resource-policy", OptionArity.Single, "the resource's policy file (bucket, key, trust policy)", "FILE", Group: Flags);
    public static readonly OptionSpec Caller = new("caller", OptionArity.Single, "the caller's ARN; required with --policy (without it the request is anonymous)", "ARN", Group: Flags);
    public static readonly OptionSpec Format = new("format", OptionArity.Single, "text | json (default text)", "FORMAT", 'f', Out);

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [Request, Action, Resource, Context, Policy, ResourcePolicy, Caller, Format, ScanOptions.Help];

    /// <summary>The flags that describe a request instead of a request file.</summary>
    public static readonly IReadOnlyList<OptionSpec> RequestFlags = [Action, Resource, Context, Policy, ResourcePolicy, Caller];
}
