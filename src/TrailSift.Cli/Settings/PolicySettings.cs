namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift policy</c>.</summary>
public static class PolicySettings
{
    private const string Who = "Whose calls";
    private const string Gen = "Generating";
    private const string Out = "Output";

    public static readonly OptionSpec Session = new("session", OptionArity.Single, "only the calls of this assumed-role session name", "NAME", Group: Who);
    public static readonly OptionSpec PerPrincipal = new("per-principal", OptionArity.Single, "write one policy per principal found into DIR, with an index", "DIR", Group: Who);
    public static readonly OptionSpec ExcludeDenied = new("exclude-denied", OptionArity.Flag, "leave out denied calls (by default they are included: they are what was missing)", Group: Gen);
    public static readonly OptionSpec IncludeUnverified = new("include-unverified", OptionArity.Flag, "include calls that failed validation (authorisation unknown), flagged UNVERIFIED", Group: Gen);
    public static readonly OptionSpec Generalize = new("generalize", OptionArity.Single, "none | safe | aggressive: how far resource ARNs are widened (default safe)", "MODE", Group: Gen);
    public static readonly OptionSpec CompressActions = new("compress-actions", OptionArity.Flag, "replace action lists by wildcards that cover no other catalog action", Group: Gen);
    public static readonly OptionSpec MaxSize = new("max-size", OptionArity.Single, "split into documents of at most N characters without whitespace (default 6144)", "N", Group: Gen);
    public static readonly OptionSpec Format = new("format", OptionArity.Single, "json | terraform | cloudformation (default json)", "FORMAT", 'f', Out);
    public static readonly OptionSpec Explain = new("explain", OptionArity.Flag, "print each statement with its evidence and what CloudTrail could not show", Group: Out);

    /// <summary>All options of the command (help stays last).</summary>
    public static readonly IReadOnlyList<OptionSpec> All =
        [.. ScanOptions.All.Where(static o => o != ScanOptions.Help), Session, PerPrincipal, ExcludeDenied, IncludeUnverified, Generalize, CompressActions, MaxSize, Format, Explain, ScanOptions.Help];
}
