namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift completion</c>.</summary>
public static class CompletionSettings
{
    public static readonly OptionSpec List = new("list", OptionArity.Single, "events | services: print the words the scripts complete --event and --source with", "WHAT");
    public static readonly OptionSpec Man = new("man", OptionArity.Flag, "print the man page trailsift.1 (troff) instead of a script");

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [List, Man, ScanOptions.Help];
}
