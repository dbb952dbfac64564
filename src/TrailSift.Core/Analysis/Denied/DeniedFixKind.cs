namespace TrailSift.Core.Analysis.Denied;

/// <summary>The kind of <see cref="DeniedFix"/>.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum DeniedFixKind
{
    /// <summary>Add an <c>Allow</c> statement to the principal's identity-based policy.</summary>
    AddIdentityAllow,

    /// <summary>Change another policy (an explicit deny, a boundary, a session policy, an SCP or RCP, a resource or endpoint policy); an identity <c>Allow</c> will not help.</summary>
    ChangePolicy,

    /// <summary>The message does not say which policy refused the call.</summary>
    Investigate,
}
