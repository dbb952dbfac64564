using System.Collections.Immutable;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// One permission (action × resource) a principal's calls needed, replayed against its current policies: what the
/// evaluator decided, which Allow statements granted it, how many calls, when, through which events and regions.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PermissionUse
{
    /// <summary>The action, as the catalog spells it.</summary>
    public required string Action { get; init; }

    /// <summary>The resource (ARN, pattern or <c>*</c>).</summary>
    public required string Resource { get; init; }

    /// <summary>The catalog resource type, or null.</summary>
    public string? ResourceType { get; init; }

    /// <summary>Allowed, denied or undecidable under the current policies (undecidable counts as Allowed's opposite nowhere).</summary>
    public required Decision Decision { get; init; }

    /// <summary>True when unknown keys could change the decision.</summary>
    public bool Undecidable { get; init; }

    /// <summary>
    /// The identity-policy Allow statements that matched, in policy order, then those that only could (a condition read an
    /// unknown key): the first is one that allowed the calls decidedly whenever one did, which the reduced policy builds on.
    /// </summary>
    public ImmutableArray<StatementRef> AllowedBy { get; init; } = [];

    /// <summary>Calls that needed it.</summary>
    public long Calls { get; init; }

    /// <summary>Of those, calls the trail shows denied at the time (policies may have changed since).</summary>
    public long DeniedAtTheTime { get; init; }

    /// <summary>True when the permission was implied (never logged itself, such as <c>iam:PassRole</c>) by every call.</summary>
    public bool Implied { get; init; }

    /// <summary>First call, UTC ticks.</summary>
    public long FirstTicks { get; init; }

    /// <summary>Last call, UTC ticks.</summary>
    public long LastTicks { get; init; }

    /// <summary>The event names, sorted.</summary>
    public ImmutableArray<string> EventNames { get; init; } = [];

    /// <summary>The regions the calls were made in, sorted.</summary>
    public ImmutableArray<string> Regions { get; init; } = [];
}
