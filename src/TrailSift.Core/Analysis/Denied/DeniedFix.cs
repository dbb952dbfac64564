using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>What would fix a <see cref="DeniedGroup"/>: an identity <c>Allow</c> statement, or the policy type that must change.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DeniedFix
{
    /// <summary>The kind of fix.</summary>
    public DeniedFixKind Kind { get; init; }

    /// <summary>The policy type that must change (<c>identity-based policy</c>, <c>service control policy</c>, …), or null when unknown.</summary>
    public string? PolicyType { get; init; }

    /// <summary>The minimal statement to add, for <see cref="DeniedFixKind.AddIdentityAllow"/>.</summary>
    public Statement? Statement { get; init; }

    /// <summary>One sentence for the reader.</summary>
    public required string Text { get; init; }

    /// <summary>Caveats (resource types the message does not name, unknown resources).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
