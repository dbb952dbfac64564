using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Authorization;

/// <summary>
/// A managed policy from <c>Policies</c>: its ARN and name, the id of its default version and that version's
/// document (the only one IAM evaluates), and the ids of every version listed.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ManagedPolicy
{
    /// <summary>The policy's ARN.</summary>
    public required string Arn { get; init; }

    /// <summary>The <c>PolicyName</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The <c>DefaultVersionId</c> (for example <c>v3</c>).</summary>
    public string? DefaultVersionId { get; init; }

    /// <summary>The default version's document, or null when the input did not hold it.</summary>
    public PolicyDocument? Document { get; init; }

    /// <summary>The version ids listed in <c>PolicyVersionList</c>, in input order.</summary>
    public ImmutableArray<string> VersionIds { get; init; } = [];

    /// <summary>True for a policy AWS manages (<c>arn:aws:iam::aws:policy/…</c>).</summary>
    public bool IsAwsManaged => Arn.Contains(":iam::aws:policy/", StringComparison.Ordinal);
}
