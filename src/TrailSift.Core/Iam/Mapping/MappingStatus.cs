namespace TrailSift.Core.Iam.Mapping;

/// <summary>How an event's permissions were worked out.</summary>
/// <remarks>A plain enum; thread-safe.</remarks>
public enum MappingStatus
{
    /// <summary>The event maps to one or more catalog actions.</summary>
    Mapped,

    /// <summary>No catalog action is known for the event; nothing was invented.</summary>
    Unmapped,

    /// <summary>The call needs no IAM permission (<c>sts:GetCallerIdentity</c>, console sign-in, SSO portal).</summary>
    Permissionless,

    /// <summary>The event is not an API call (<c>AwsServiceEvent</c>, <c>AwsConsoleSignIn</c>, insights, …).</summary>
    NotApiCall,
}
