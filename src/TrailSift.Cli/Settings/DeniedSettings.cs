namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift denied</c>.</summary>
public static class DeniedSettings
{
    private const string Out = "Output";

    public static readonly OptionSpec Format = new("format", OptionArity.Single, "text | ndjson | json (default: text on a terminal, ndjson when piped)", "FORMAT", 'f', Out);
    public static readonly OptionSpec Policy = new("policy", OptionArity.Flag, "print one policy document that fixes every no-identity-allow denial", Group: Out);
    public static readonly OptionSpec Related = new("related", OptionArity.Flag, "list the events each hint refers to", Group: Out);
    public static readonly OptionSpec IncludeAuthFailures = new("include-auth-failures", OptionArity.Flag, "count credential failures (expired or invalid tokens) as denials instead of listing them apart", Group: Out);

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [.. ScanOptions.All, Format, Policy, Related, IncludeAuthFailures];
}
