namespace TrailSift.Core.Analysis.Denied.Messages;

/// <summary>
/// Why an access-denied error message says the call was refused: which policy type failed to allow it
/// (<c>no-…-allow</c>) or denied it explicitly (<c>explicit-deny-…</c>). The wire names used in JSON
/// output come from <see cref="DeniedReasonNames"/>.
/// </summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum DeniedReason
{
    /// <summary>The message names no policy type, or one we do not recognise (<c>unknown</c>).</summary>
    Unknown,

    /// <summary>No identity-based policy allows the action (<c>no-identity-allow</c>).</summary>
    NoIdentityAllow,

    /// <summary>An identity-based policy denies the action (<c>explicit-deny-identity</c>).</summary>
    ExplicitDenyIdentity,

    /// <summary>The permissions boundary does not allow the action (<c>no-boundary-allow</c>).</summary>
    NoBoundaryAllow,

    /// <summary>The permissions boundary denies the action (<c>explicit-deny-boundary</c>).</summary>
    ExplicitDenyBoundary,

    /// <summary>No session policy allows the action (<c>no-session-allow</c>).</summary>
    NoSessionAllow,

    /// <summary>A session policy denies the action (<c>explicit-deny-session</c>).</summary>
    ExplicitDenySession,

    /// <summary>No service control policy allows the action (<c>no-scp-allow</c>).</summary>
    NoScpAllow,

    /// <summary>A service control policy denies the action (<c>explicit-deny-scp</c>).</summary>
    ExplicitDenyScp,

    /// <summary>No resource control policy allows the action (<c>no-rcp-allow</c>).</summary>
    NoRcpAllow,

    /// <summary>A resource control policy denies the action (<c>explicit-deny-rcp</c>).</summary>
    ExplicitDenyRcp,

    /// <summary>
    /// No resource-based policy allows the action (<c>no-resource-allow</c>); also a role trust policy that
    /// does not allow <c>sts:AssumeRole</c>.
    /// </summary>
    NoResourceAllow,

    /// <summary>
    /// A resource-based policy denies the action (<c>explicit-deny-resource</c>); also a role trust policy
    /// deny and the S3 bucket-side blocks (Block Public Access, SSE-C blocking).
    /// </summary>
    ExplicitDenyResource,

    /// <summary>A VPC endpoint policy refused the call, implicitly or explicitly (<c>vpc-endpoint</c>).</summary>
    VpcEndpoint,
}
