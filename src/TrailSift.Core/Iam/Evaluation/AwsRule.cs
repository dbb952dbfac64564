using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// One rule AWS enforces regardless of the customer's policies, with the documentation it comes from: the actions and
/// resources it covers (IAM wildcards; resources are ARN patterns, <c>*</c> for every resource), what it does, and
/// whether AWS's own callers (service principals and service-linked-role sessions, which act for the service that
/// owns the protected entity) are exempt. <see cref="AwsRules.Table"/> lists them all.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AwsRule
{
    /// <summary>A stable identifier, such as <c>aws-managed-policies</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Deny, Allow or SCP exemption.</summary>
    public required AwsRuleKind Kind { get; init; }

    /// <summary>Action patterns (case-insensitive); empty for a rule about the caller (<see cref="AwsRuleKind.ScpExempt"/>).</summary>
    public ImmutableArray<string> Actions { get; init; } = [];

    /// <summary>Resource ARN patterns the rule protects (<c>*</c> for every resource).</summary>
    public ImmutableArray<string> Resources { get; init; } = ["*"];

    /// <summary>The rule in one sentence, as the trace prints it.</summary>
    public required string Statement { get; init; }

    /// <summary>True when service principals and service-linked-role sessions are not bound by the rule.</summary>
    public bool ExemptsAwsCallers { get; init; }

    /// <summary>Title of the documentation page the rule comes from.</summary>
    public required string SourceTitle { get; init; }

    /// <summary>Address of that page.</summary>
    public required string SourceUrl { get; init; }
}
