namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift denied</c>.</summary>
public static class DeniedSettings
{
    private const string Out = "Output";

    public static readonly OptionSpec Format = new("format", OptionArity.Single, "text | ndjson | json (default: text on a terminal, ndjson when piped)", "FORMAT", 'f', Out);
    public static readonly OptionSpec Policy = new("policy", OptionArity.Flag, "print the policy (the policy command's generator) that fixes the no-identity-allow denials it can grant exactly", Group: Out);
    public static readonly OptionSpec MaxSize = new("max-size", OptionArity.Single, "with --policy: split into documents of at most N characters without whitespace (default 6144; 10240 for a role's inline policy)", "N", Group: Out);
    public static readonly OptionSpec Summary = new("summary", OptionArity.Flag, "text: one row per principal, service and reason instead of every group", Group: Out);
    public static readonly OptionSpec Top = new("top", OptionArity.Single, "text: only the N fixes with the most denied calls (one fix for several resources of one action)", "N", Group: Out);
    public static readonly OptionSpec Related = new("related", OptionArity.Flag, "list the events each hint refers to", Group: Out);
    public static readonly OptionSpec IncludeAuthFailures = new("include-auth-failures", OptionArity.Flag, "count credential failures (expired or invalid tokens) as denials instead of listing them apart", Group: Out);

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [.. ScanOptions.All, Format, Policy, MaxSize, Summary, Top, Related, IncludeAuthFailures];
}
