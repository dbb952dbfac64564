namespace TrailSift.Cli.Settings;

/// <summary>Options of <c>trailsift check</c>.</summary>
public static class CheckSettings
{
    private const string Policies = "Policies";
    private const string Out = "Output";

    public static readonly OptionSpec Policy = new("policy", OptionArity.Repeated, "identity policy to check against (repeat, or comma-separate, for several)", "FILE", 'p', Policies);
    public static readonly OptionSpec Boundary = new("boundary", OptionArity.Single, "permissions boundary", "FILE", Group: Policies);
    public static readonly OptionSpec Scp = new("scp", OptionArity.Repeated, "service control policies, all at one level (include an Allow, as FullAWSAccess does)", "FILE", Group: Policies);
    public static readonly OptionSpec SessionPolicy = new("session-policy", OptionArity.Single, "session policy", "FILE", Group: Policies);
    public static readonly OptionSpec EndpointPolicy = new("endpoint-policy", OptionArity.Single, "VPC endpoint policy, applied to calls whose event has a vpcEndpointId", "FILE", Group: Policies);
    public static readonly OptionSpec Iam = new("iam", OptionArity.Repeated, "authorization details (aws iam get-account-authorization-details output, as unused --iam reads): a PassRole through an instance profile is decided on the profile's role", "FILE", Group: Policies);
    public static readonly OptionSpec Format = new("format", OptionArity.Single, "text | ndjson | json (ndjson: one object per replayed call, json: an array of them; the summary goes to stderr)", "FORMAT", 'f', Out);
    public static readonly OptionSpec Verbose = new("verbose", OptionArity.Flag, "text: print the evaluation trace of each denial", Short: 'v', Group: Out);

    /// <summary>All options of the command.</summary>
    public static readonly IReadOnlyList<OptionSpec> All = [.. ScanOptions.All, Policy, Boundary, Scp, SessionPolicy, EndpointPolicy, Iam, Format, Verbose];
}
