namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift lint</c>.</summary>
public static class LintSettings
{
    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [ScanOptions.Help];
}
