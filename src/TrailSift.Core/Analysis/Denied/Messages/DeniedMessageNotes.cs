namespace TrailSift.Core.Analysis.Denied.Messages;

/// <summary>The fixed note sentences <see cref="DeniedMessageParser"/> attaches to a <see cref="DeniedMessage"/>.</summary>
/// <remarks>Constants only; thread-safe.</remarks>
public static class DeniedMessageNotes
{
    public const string NoMessage = "the event carries no error message";
    public const string OneTypeNamed = "the message names one policy type; other policy types may deny the request as well";
    public const string ScpMayBeImplicit = "a service control policy is reported as an explicit deny even when it merely lacks an Allow";
    public const string ExplicitDenyUnknownType = "the message reports an explicit deny but names no policy type";
    public const string Legacy = "the message names no policy type (older or reasonless format): any policy type may have denied the request";
    public const string Ec2Decode = "the encoded part can be decoded with `aws sts decode-authorization-message` where the full message is available";
    public const string Ec2Truncated = "the encoded authorization message was cut by CloudTrail's 1 KB limit and cannot be decoded; only the plain-text part was read";
    public const string Ec2EncodedOnly = "EC2 returned only an encoded authorization message: the text names no principal, action or resource";
    public const string Ec2Bare = "EC2 returned only 'You are not authorized to perform this operation.': the message names no principal, action or resource";
    public const string Ec2TypeWildcard = "EC2 names a resource-type wildcard (for example instance/*), not the concrete resource";
    public const string S3Generic = "S3 returned a generic Access Denied: the message names no action or resource";
    public const string S3GenericCauses = "S3 gives a generic Access Denied for cross-account requests outside the organization, directory buckets, VPC endpoint policy denials and older records; other causes are Requester Pays without x-amz-request-payer, an object owned by another account, an SSE-KMS key policy, Object Lock, CloudFront OAC/OAI and access point policies";
    public const string S3PublicAccessSurface = "for S3 a resource-based denial can also come from the IgnorePublicAcls or RestrictPublicBuckets setting of S3 Block Public Access";
    public const string S3BlockPublicAccess = "S3 Block Public Access blocked the request: a bucket or account setting that acts like an explicit deny, not a policy statement";
    public const string S3SseCBlocked = "the bucket blocks uploads that use SSE-C (customer-provided keys): a bucket setting that acts like an explicit deny";
    public const string GenericAccessDenied = "the service returned a generic Access Denied: the message names no action or resource";
    public const string KmsCiphertext = "action inferred as kms:Decrypt: the KMS key named in the ciphertext does not exist, is in another region, or the caller may not use it";
    public const string RoleTrust = "the role's trust policy (the resource-based policy of the role) decided the sts:AssumeRole call";
    public const string Transitive = "the VPC endpoint policy applied transitively through a service control policy";
    public const string VpcEndpoint = "a VPC endpoint policy refused the request";
    public const string NoResourceNamed = "the message does not name the resource";
    public const string IamResourceForm = "the resource is given in IAM's descriptive form (role X / access key K), not as an ARN";
    public const string NoPrincipal = "the message does not name the principal";
    public const string ActionNotRecognised = "the action text in the message does not look like an IAM action (prefix:Name)";
    public const string UnknownReasonClause = "the reason clause is not one we recognise";
    public const string UnknownPolicyType = "the policy type named in the message is not one we recognise";
    public const string InvalidRequest = "the message describes an invalid request rather than a policy decision";
    public const string CodePipelineAllowList = "CodePipeline refused an action type that is not on its allow list; this is not an IAM policy decision";
    public const string UnknownError = "the service reported an unknown error";
    public const string NotRecognised = "the message format is not one we recognise";
    public const string ActionFromEvent = "the action must be derived from the event's eventSource and eventName";
}
