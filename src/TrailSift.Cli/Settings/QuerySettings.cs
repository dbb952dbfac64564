namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift query</c>.</summary>
public static class QuerySettings
{
    private const string Out = "Output";

    public static readonly OptionSpec Format = new("format", OptionArity.Single, "ndjson | json | table | csv (default: table on a terminal, ndjson when piped)", "FORMAT", 'f', Out);
    public static readonly OptionSpec Fields = new("fields", OptionArity.Repeated, "columns for table/csv: paths such as .eventTime,.userIdentity.arn (default: time, principal, event, error, region)", "PATHS", Group: Out);
    public static readonly OptionSpec Sort = new("sort", OptionArity.Single, "time: order matches by eventTime (holds the matches in memory)", "KEY", Group: Out);

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [.. ScanOptions.All, Format, Fields, Sort];
}
