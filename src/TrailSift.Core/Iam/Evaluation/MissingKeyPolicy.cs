namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// What to assume about a KMS key whose key policy the request does not give. Every KMS key has a key policy and
/// IAM policies grant nothing on a key unless it allows (KMS Developer Guide, "Key policies in AWS KMS").
/// </summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum MissingKeyPolicy
{
    /// <summary>The decision depends on the unknown key policy: the result is undecidable (any decision is possible
    /// unless a policy explicitly denies), and <see cref="EvaluationResult.Decision"/> is the one under the default
    /// key policy. The default for <c>simulate</c>.</summary>
    Undecidable,

    /// <summary>Assume the default key policy, which allows the key's own account (<c>arn:aws:iam::ACCOUNT:root</c>,
    /// <c>kms:*</c>) and so lets that account's IAM policies decide; a caller from another account is not allowed.
    /// What <c>check</c> assumes, and says so.</summary>
    AccountDefault,
}
