namespace TrailSift.Cli.Settings;

/// <summary>The options every scanning command shares: input selection, shortcuts and scan control. Declared once.</summary>
public static class ScanOptions
{
    private const string Select = "Selecting events (combined with the filter by AND)";
    private const string Scan = "Scanning";

    public static readonly OptionSpec Event = new("event", OptionArity.Repeated, "event name (repeatable, or comma-separated)", "NAME", Group: Select, Words: CatalogWords.EventNames);
    public static readonly OptionSpec Source = new("source", OptionArity.Repeated, "event source host, e.g. sqs or sqs.amazonaws.com", "HOST", Group: Select, Words: CatalogWords.ServicePrefixes);
    public static readonly OptionSpec Principal = new("principal", OptionArity.Single, "caller ARN or name, role behind a session, access key id (AKIA…/ASIA…), user/NAME, role/NAME, root", "WHO", Group: Select);
    public static readonly OptionSpec Error = new("error", OptionArity.OptionalValue, "events with an error; with CODE, that errorCode (use --error=CODE when unsure)", "CODE", Group: Select);
    public static readonly OptionSpec Denied = new("denied", OptionArity.Flag, "access-denied errors of every service (AccessDenied, Client.UnauthorizedOperation, ...)", Group: Select);
    public static readonly OptionSpec Agent = new("agent", OptionArity.Repeated, "userAgent contains TEXT (case-insensitive)", "TEXT", Group: Select);
    public static readonly OptionSpec Region = new("region", OptionArity.Repeated, "AWS region (prunes S3-layout directories before opening)", "REGION", Group: Select);
    public static readonly OptionSpec Account = new("account", OptionArity.Repeated, "account id (prunes S3-layout directories before opening)", "ID", Group: Select);
    public static readonly OptionSpec Since = new("since", OptionArity.Single, "events at or after WHEN: RFC 3339, 2026-03-14, 20260314, 2026-03, epoch seconds, yesterday, or ago (90m, 36h, 7d)", "WHEN", Group: Select);
    public static readonly OptionSpec Until = new("until", OptionArity.Single, "events before WHEN (same forms as --since)", "WHEN", Group: Select);
    public static readonly OptionSpec Grep = new("grep", OptionArity.Repeated, "a literal anywhere in the raw record", "TEXT", Group: Select);
    public static readonly OptionSpec Threads = new("threads", OptionArity.Single, "worker threads (default: all cores)", "N", 'j', Scan);
    public static readonly OptionSpec Io = new("io", OptionArity.Single, "objects listed and read ahead concurrently, apart from --threads (default 16)", "N", Group: Scan);
    public static readonly OptionSpec Stats = new("stats", OptionArity.Flag, "print scan statistics to stderr", Group: Scan);
    public static readonly OptionSpec NoProgress = new("no-progress", OptionArity.Flag, "never print the progress line", Group: Scan);
    public static readonly OptionSpec Follow = new("follow", OptionArity.Flag, "follow symbolic links to directories while walking (loops are reported)", Short: 'L', Group: Scan);
    public static readonly OptionSpec DeliveryDelay = new("delivery-delay", OptionArity.Single, "how late a log file may be delivered after its events, for --until pruning (default 15m)", "DURATION", Group: Scan);
    public static readonly OptionSpec Color = new("color", OptionArity.Single, "auto | always | never (default auto: colour on a terminal unless NO_COLOR is set)", "WHEN", Group: "Other");
    public static readonly OptionSpec Help = new("help", OptionArity.Flag, "show help", Short: 'h', Group: "Other");

    /// <summary>All shared scan options.</summary>
    public static readonly IReadOnlyList<OptionSpec> All =
        [Event, Source, Principal, Error, Denied, Agent, Region, Account, Since, Until, Grep, Threads, Io, Stats, NoProgress, Follow, DeliveryDelay, .. S3Options.All, Color, Help];
}
