namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift count</c>.</summary>
public static class CountSettings
{
    private const string Out = "Output";

    public static readonly OptionSpec By = new("by", OptionArity.Repeated, "group by these jq expressions, e.g. eventName, .eventSource,.eventName or '.eventTime[0:13]'", "EXPRS", Group: Out);
    public static readonly OptionSpec Top = new("top", OptionArity.Single, "only the N largest groups", "N", Group: Out);
    public static readonly OptionSpec Format = new("format", OptionArity.Single, "table | tsv | csv | ndjson | json (default: table on a terminal, tsv when piped)", "FORMAT", 'f', Out);

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [.. ScanOptions.All, By, Top, Format];
}
