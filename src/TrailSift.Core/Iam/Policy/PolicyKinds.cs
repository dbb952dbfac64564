namespace TrailSift.Core.Iam.Policy;

/// <summary>The names of <see cref="PolicyKind"/> as command lines write them (<c>identity</c>, <c>resource</c>, …).</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class PolicyKinds
{
    /// <summary>The accepted names, comma-separated, for messages.</summary>
    public const string Names = "identity, resource, scp, rcp, boundary, session, endpoint";

    /// <summary>The kind named <paramref name="name"/> (case-insensitive); <see cref="PolicyKind.Auto"/> for null; null when unknown.</summary>
    public static PolicyKind? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        null or "auto" => PolicyKind.Auto,
        "identity" => PolicyKind.Identity,
        "resource" => PolicyKind.Resource,
        "scp" => PolicyKind.Scp,
        "rcp" => PolicyKind.Rcp,
        "boundary" => PolicyKind.Boundary,
        "session" => PolicyKind.Session,
        "endpoint" => PolicyKind.Endpoint,
        _ => null,
    };
}
