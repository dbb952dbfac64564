namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift simulate</c>.</summary>
public static class SimulateSettings
{
    private const string Out = "Output";

    public static readonly OptionSpec Request = new("request", OptionArity.Single, "the simulate request (docs/simulate-request.md); '-' or none reads standard input", "FILE", 'r', "Input");
    public static readonly OptionSpec Format = new("format", OptionArity.Single, "text | json (default text)", "FORMAT", 'f', Out);

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [Request, Format, ScanOptions.Help];
}
