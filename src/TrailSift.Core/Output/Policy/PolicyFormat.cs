namespace TrailSift.Core.Output.Policy;

/// <summary>How a generated policy is printed.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum PolicyFormat
{
    /// <summary>An AWS policy document (<c>"Version": "2012-10-17"</c>), pretty-printed.</summary>
    Json,

    /// <summary>An <c>aws_iam_policy_document</c> Terraform data source.</summary>
    Terraform,

    /// <summary>CloudFormation YAML for a <c>PolicyDocument</c> property.</summary>
    CloudFormation,
}
