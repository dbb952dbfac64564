namespace TrailSift.Core.Iam.Policy;

/// <summary>What a policy document is attached to, which decides the grammar rules it must follow (the
/// <c>Principal</c> element, <c>Sid</c> characters, required elements).</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum PolicyKind
{
    /// <summary>Decided from the document: resource-based when some statement has <c>Principal</c> or
    /// <c>NotPrincipal</c>, identity-based otherwise.</summary>
    Auto,

    /// <summary>An identity-based policy of a user, group or role (no <c>Principal</c>).</summary>
    Identity,

    /// <summary>A resource-based policy: bucket, key, queue, role trust policy… (<c>Principal</c> required).</summary>
    Resource,

    /// <summary>An Organizations service control policy (no <c>Principal</c>).</summary>
    Scp,

    /// <summary>An Organizations resource control policy (<c>Principal</c> must be <c>"*"</c>; Deny statements).</summary>
    Rcp,

    /// <summary>A permissions boundary (no <c>Principal</c>).</summary>
    Boundary,

    /// <summary>A session policy (no <c>Principal</c>).</summary>
    Session,

    /// <summary>A VPC endpoint policy (<c>Principal</c> required).</summary>
    Endpoint,
}
