namespace TrailSift.Core.Iam.Evaluation;

/// <summary>What an <see cref="AwsRule"/> does to the decision the policies reached.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum AwsRuleKind
{
    /// <summary>AWS refuses the call whatever the policies allow (a protected entity).</summary>
    Deny,

    /// <summary>AWS allows the call whatever the policies say (it needs no permission).</summary>
    Allow,

    /// <summary>The caller is outside the reach of service control policies.</summary>
    ScpExempt,
}
