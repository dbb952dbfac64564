namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift query</c>.</summary>
public static class QuerySettings
{
    private const string Out = "Output";
    private const string Jq = "jq programs";

    public static readonly OptionSpec Format = new("format", OptionArity.Single, "ndjson | json | table | csv, for a condition's events (default: table on a terminal, ndjson when piped)", "FORMAT", 'f', Out);
    public static readonly OptionSpec Fields = new("fields", OptionArity.Repeated, "columns for table/csv: jq expressions such as .eventTime,.userIdentity.arn,.eventTime[0:13] (default: time, principal, event, error, region)", "EXPRS", Group: Out);
    public static readonly OptionSpec Sort = new("sort", OptionArity.Single, "time: order matches by eventTime (holds the matches in memory)", "KEY", Group: Out);
    public static readonly OptionSpec Limit = new("limit", OptionArity.Single, "stop after N outputs (events, rows or jq outputs), in input order", "N", 'm', Out);
    public static readonly OptionSpec Program = new("jq", OptionArity.Flag, "run FILTER as a jq program on each input document even when it does not mention .Records", Group: Jq);
    public static readonly OptionSpec Compact = new("compact-output", OptionArity.Flag, "jq -c: one line per output", Short: 'c', Group: Jq);
    public static readonly OptionSpec Raw = new("raw-output", OptionArity.Flag, "jq -r: strings without quotes", Short: 'r', Group: Jq);
    public static readonly OptionSpec SortKeys = new("sort-keys", OptionArity.Flag, "jq -S: object keys sorted", Short: 'S', Group: Jq);
    public static readonly OptionSpec Tab = new("tab", OptionArity.Flag, "jq --tab: indent with tabs", Group: Jq);
    public static readonly OptionSpec Ascii = new("ascii-output", OptionArity.Flag, "jq -a: escape non-ASCII characters", Short: 'a', Group: Jq);
    public static readonly OptionSpec Slurp = new("slurp", OptionArity.Flag, "jq -s: run the program once on the array of all input documents (held in memory)", Short: 's', Group: Jq);
    public static readonly OptionSpec NullInput = new("null-input", OptionArity.Flag, "jq -n: run the program once on null; input/inputs read the documents", Short: 'n', Group: Jq);

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [.. ScanOptions.All, Format, Fields, Sort, Limit, Program, Compact, Raw, SortKeys, Tab, Ascii, Slurp, NullInput];
}
