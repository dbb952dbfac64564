namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift actions</c>.</summary>
public static class ActionsSettings
{
    private const string Out = "Output";

    public static readonly OptionSpec Summary = new("summary", OptionArity.Flag, "aggregate per principal: distinct actions and resources with counts", Group: Out);
    public static readonly OptionSpec Coverage = new("coverage", OptionArity.Flag, "every distinct (eventSource, eventName) with its mapping, then the share mapped", Group: Out);
    public static readonly OptionSpec Format = new("format", OptionArity.Single, "ndjson | json (one document: an array of the same objects)", "FORMAT", 'f', Out);

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [.. ScanOptions.All, Summary, Coverage, Format];
}
