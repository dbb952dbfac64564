namespace TrailSift.Core.Output.Usage;

/// <summary>The output formats of <c>trailsift unused</c>.</summary>
public enum UsageFormat
{
    /// <summary>The marked list per principal, then the reduced policy (terminal).</summary>
    Text,

    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>One JSON line per principal.</summary>
    Ndjson,

    /// <summary>One self-contained HTML report.</summary>
    Html,

    /// <summary>The reduced policies as Terraform <c>aws_iam_policy_document</c> data sources.</summary>
    Terraform,

    /// <summary>The reduced policies as CloudFormation YAML.</summary>
    CloudFormation,
}
