namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift unused</c>.</summary>
public static class UnusedSettings
{
    private const string Inputs = "Granted side";
    private const string Out = "Output";

    public static readonly OptionSpec Principal = new("principal", OptionArity.Repeated,
        "user or role to judge, by ARN or name (repeat, or comma-separate, for several; default: every user and role of the authorization details)",
        "ARN|NAME", Group: Inputs);

    public static readonly OptionSpec Iam = new("iam", OptionArity.Repeated,
        "aws iam get-account-authorization-details output (repeat for several pages or files), or live: ask IAM (AWS credentials, --profile, AWS_ENDPOINT_URL_IAM)",
        "FILE|live", Group: Inputs);

    public static readonly OptionSpec SaveIam = new("save-iam", OptionArity.Single,
        "with --iam live: also write what IAM answered to FILE (a JSON array of pages that --iam FILE reads)", "FILE", Group: Inputs);

    public static readonly OptionSpec AccessAdvisor = new("access-advisor", OptionArity.Repeated,
        "get-service-last-accessed-details output, one file per principal (PrincipalArn member or file named after it), a folder of them, or live: run an ACTION_LEVEL job per principal",
        "FILE|DIR|live", Group: Inputs);

    public static readonly OptionSpec Format = new("format", OptionArity.Single,
        "text | json | ndjson (one line per principal) | html (one self-contained report) | terraform | cloudformation (the reduced policies)",
        "FORMAT", 'f', Out);

    /// <summary>All options of the command: the scan options (with this command's repeatable --principal) and its own.</summary>
    public static readonly IReadOnlyList<OptionSpec> All =
        [.. ScanOptions.All.Where(static o => o.Name != ScanOptions.Principal.Name), Principal, Iam, SaveIam, AccessAdvisor, Format];
}
