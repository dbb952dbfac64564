namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift lint</c>.</summary>
public static class LintSettings
{
    public static readonly OptionSpec Type = new("type", OptionArity.Single, "identity | resource | scp | rcp | boundary | session | endpoint (default: resource when a statement names a Principal, identity otherwise)", "KIND", 't', "Input");

    public static readonly OptionSpec Format = new("format", OptionArity.Single, "text | json (one document: an array of the findings)", "FORMAT", 'f', "Output");

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [Type, Format, ScanOptions.Help];
}
