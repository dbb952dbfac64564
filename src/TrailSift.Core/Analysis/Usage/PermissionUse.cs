using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// One permission (action × resource) a principal's calls needed, replayed against its current policies: what the
/// evaluator decided, which Allow statements granted it, how many calls, when, through which events and regions.
/// What the uses of one action usually share (action, resource type, decision, allowing statements, event names,
/// regions) is held once for all of them (<see cref="SharedFacts"/>), not per use.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record PermissionUse
{
    private SharedFacts _shared = SharedFacts.None;

    /// <summary>Creates a use; its properties are set by the initializer.</summary>
    public PermissionUse()
    {
    }

    /// <summary>A use on <paramref name="resource"/> with the facts its kind of uses share.</summary>
    [SetsRequiredMembers]
#pragma warning disable CS8618 // Action is read from the shared facts, which hold it: not an auto-property the compiler can see set.
    internal PermissionUse(SharedFacts shared, string resource)
#pragma warning restore CS8618
    {
        _shared = shared;
        Resource = resource;
    }

    /// <summary>The action, as the catalog spells it.</summary>
    public required string Action { get => _shared.Action; init => _shared = _shared with { Action = value }; }

    /// <summary>The resource (ARN, pattern or <c>*</c>).</summary>
    public required string Resource { get; init; }

    /// <summary>The catalog resource type, or null.</summary>
    public string? ResourceType { get => _shared.ResourceType; init => _shared = _shared with { ResourceType = value }; }

    /// <summary>Allowed, denied or undecidable under the current policies (undecidable counts as Allowed's opposite nowhere).</summary>
    public required Decision Decision { get => _shared.Decision; init => _shared = _shared with { Decision = value }; }

    /// <summary>True when unknown keys could change the decision.</summary>
    public bool Undecidable { get => _shared.Undecidable; init => _shared = _shared with { Undecidable = value }; }

    /// <summary>
    /// The identity-policy Allow statements that matched, in policy order, then those that only could (a condition read an
    /// unknown key): the first is one that allowed the calls decidedly whenever one did, which the reduced policy builds on.
    /// </summary>
    public ImmutableArray<StatementRef> AllowedBy { get => _shared.AllowedBy; init => _shared = _shared with { AllowedBy = value }; }

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
    public ImmutableArray<string> EventNames { get => _shared.EventNames; init => _shared = _shared with { EventNames = value }; }

    /// <summary>The regions the calls were made in, sorted.</summary>
    public ImmutableArray<string> Regions { get => _shared.Regions; init => _shared = _shared with { Regions = value }; }

    /// <summary>What uses of one kind share: made once per kind when a principal's uses are built.</summary>
    internal sealed record SharedFacts(string Action, string? ResourceType, Decision Decision, bool Undecidable, ImmutableArray<StatementRef> AllowedBy,
        ImmutableArray<string> EventNames, ImmutableArray<string> Regions)
    {
        /// <summary>Nothing set yet: what a use made by an initializer starts from.</summary>
        public static SharedFacts None { get; } = new(string.Empty, null, default, false, [], [], []);
    }
}
