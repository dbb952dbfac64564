namespace TrailSift.Core.Analysis.Denied.Messages;

/// <summary>
/// What an access-denied error message says: who was refused (<see cref="Principal"/>), what
/// (<see cref="Action"/>, <see cref="Resource"/>), why (<see cref="Reason"/>), in which message
/// <see cref="Format"/>, with <see cref="Notes"/> for the reader. Built by <see cref="DeniedMessageParser"/>.
/// Everything is taken from the message text as written; nothing is normalised against the IAM catalog.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DeniedMessage
{
    /// <summary>The principal ARN (often an STS session ARN), <c>anonymous</c>, or null when the message names none.</summary>
    public string? Principal { get; init; }

    /// <summary>The action as written (<c>sqs:createqueue</c>, <c>SNS:Publish</c>), or null.</summary>
    public string? Action { get; init; }

    /// <summary>True when <see cref="Action"/> was inferred from the message's kind rather than read from it (KMS ciphertext).</summary>
    public bool ActionInferred { get; init; }

    /// <summary>
    /// The resource, unquoted: an ARN, <c>*</c>, a type wildcard such as <c>…:instance/*</c>, IAM's
    /// <c>role X</c> / <c>access key K</c> forms, or a bare name; null when the message names none.
    /// </summary>
    public string? Resource { get; init; }

    /// <summary>The reason class; <see cref="DeniedReason.Unknown"/> when the message names no (known) policy type.</summary>
    public DeniedReason Reason { get; init; }

    /// <summary>True when the message reports an explicit deny (also with an unnamed or unknown policy type).</summary>
    public bool ExplicitDeny { get; init; }

    /// <summary>The reason clause's policy-type text exactly as written (<c>sessions policy</c>, <c>VPC endpoint policy transitively through a service control policy</c>), or null.</summary>
    public string? PolicyTypeText { get; init; }

    /// <summary>
    /// A readable name of what refused the call (<c>identity-based policy</c>, <c>role trust policy</c>,
    /// <c>S3 Block Public Access (BlockPublicAcls)</c>, …), or null when unknown.
    /// </summary>
    public string? PolicyType { get; init; }

    /// <summary>The message shape.</summary>
    public DeniedMessageFormat Format { get; init; }

    /// <summary>True when the message carries an EC2 <c>Encoded authorization failure message:</c>.</summary>
    public bool HasEncodedMessage { get; init; }

    /// <summary>True when the encoded message was cut by CloudTrail's 1 KB limit (ends with <c>...</c> or the message is 1,000+ characters) and cannot be decoded.</summary>
    public bool EncodedMessageTruncated { get; init; }

    /// <summary>Short sentences for the reader about what the message does and does not tell (see <see cref="DeniedMessageNotes"/>).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
