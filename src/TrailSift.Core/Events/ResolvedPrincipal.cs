namespace TrailSift.Core.Events;

/// <summary>
/// Who made an event's call, resolved once by <see cref="PrincipalResolver"/> for every analysis: the kind of caller,
/// the IAM principal its identity policies attach to (<see cref="Key"/>) and the label analyses group and print by.
/// </summary>
/// <param name="Kind">The kind of caller.</param>
/// <param name="Key">
/// The ARN of the IAM principal whose identity policies decide the call (a session's role, a user, the root user, a
/// federated user's IAM user); null when no identity policy of the account applies or the event does not say which
/// principal it was (service, other account, anonymous, web identity and SAML callers without an ARN).
/// </param>
/// <param name="Display">
/// <see cref="Key"/> when there is one; otherwise the invoking service for a service
/// (<c>ec2.amazonaws.com</c>), else <c>TYPE:NAME</c> (<c>AWSAccount:111122223333</c>, <c>WebIdentityUser:sub</c>),
/// else the type, else <c>unknown</c>. Never null.
/// </param>
/// <param name="Identity">The names the caller can be matched by (<see cref="PrincipalIdentity.Matches"/>).</param>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct ResolvedPrincipal(CallerKind Kind, string? Key, string Display, PrincipalIdentity Identity);
