namespace TrailSift.Core.Iam.Evaluation;

/// <summary>How a request resource given as a pattern (<c>arn:aws:s3:::bucket/*</c>) is read.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum ResourceMatchMode
{
    /// <summary>"Every resource the pattern stands for": Allowed only when the request would be allowed on each of them
    /// (an Allow must cover the whole pattern; a Deny on part of it denies). The default.</summary>
    Every,

    /// <summary>"Some resource the pattern stands for": Allowed when the request would be allowed on at least one of
    /// them (an Allow on part of the pattern grants; a Deny must cover the whole pattern).</summary>
    Any,
}
