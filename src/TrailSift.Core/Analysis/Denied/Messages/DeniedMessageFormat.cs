namespace TrailSift.Core.Analysis.Denied.Messages;

/// <summary>The shape of an access-denied <c>errorMessage</c>, as recognised by <see cref="DeniedMessageParser"/>.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum DeniedMessageFormat
{
    /// <summary>The event has no error message (null, empty or blank).</summary>
    None,

    /// <summary><c>User: P is not authorized to perform: A [on resource: R] because no … / with an explicit deny …</c> (2021+).</summary>
    ReasonBearing,

    /// <summary>The same sentence without a reason clause (older records, some services today).</summary>
    Legacy,

    /// <summary>EC2: <c>You are not authorized to perform this operation.</c> followed by the user sentence (and usually an encoded message).</summary>
    Ec2Encoded,

    /// <summary>EC2: only the fixed sentence and an encoded authorization message; nothing else can be read offline.</summary>
    Ec2EncodedOnly,

    /// <summary>S3's generic <c>Access Denied</c>: no principal, action, resource or reason.</summary>
    S3Generic,

    /// <summary>KMS's "The ciphertext refers to a customer master key that does not exist…" (action inferred as <c>kms:Decrypt</c>).</summary>
    KmsCiphertext,

    /// <summary>Any other shape: the access-undenied pattern list, VPC endpoint notices, bare messages, unrecognised text.</summary>
    Other,
}
