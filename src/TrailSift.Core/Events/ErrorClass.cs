namespace TrailSift.Core.Events;

/// <summary>What an event's <c>errorCode</c> (and message) says about authorisation.</summary>
public enum ErrorClass
{
    /// <summary>No error code: the call succeeded.</summary>
    None,

    /// <summary>An access-denied class error: a policy did not allow the call.</summary>
    AccessDenied,

    /// <summary>A credentials problem (expired or invalid token, bad signature): not a policy decision.</summary>
    AuthenticationFailure,

    /// <summary>EC2's <c>Client.DryRunOperation</c>: the call would have been allowed.</summary>
    DryRunAllowed,

    /// <summary>Any other error: the call passed authorisation and failed later.</summary>
    OtherError,
}
