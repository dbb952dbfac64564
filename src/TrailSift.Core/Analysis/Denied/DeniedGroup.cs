using TrailSift.Core.Analysis.Denied.Messages;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// Denied calls of one principal (the role for assumed-role sessions) on one action and resource for one
/// reason: how many, when, with which error codes, who made the call, what fixes it and what the events around
/// it explain.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DeniedGroup
{
    /// <summary>The role ARN for assumed-role sessions, else the caller ARN (or the message's principal, or the identity type).</summary>
    public required string Principal { get; init; }

    /// <summary>The action in the catalog's spelling (<c>sqs:CreateQueue</c>), or as written when the catalog does not know it; null when unknown.</summary>
    public string? Action { get; init; }

    /// <summary>The resource (an ARN, a type wildcard such as <c>…:instance/*</c>, or another form the message uses); null when unknown.</summary>
    public string? Resource { get; init; }

    /// <summary>True when <see cref="Action"/> was derived from the event because the message names none.</summary>
    public bool ActionDerived { get; init; }

    /// <summary>True when <see cref="Resource"/> was derived from the event because the message names none.</summary>
    public bool ResourceDerived { get; init; }

    /// <summary>Why the call was refused.</summary>
    public DeniedReason Reason { get; init; }

    /// <summary>A readable name of what refused the call, when the message says.</summary>
    public string? PolicyType { get; init; }

    /// <summary>The event source of the calls (<c>sqs.amazonaws.com</c>).</summary>
    public string? EventSource { get; init; }

    /// <summary>The event name of the calls (<c>CreateQueue</c>).</summary>
    public string? EventName { get; init; }

    /// <summary>The distinct error codes, ordinal order.</summary>
    public required IReadOnlyList<string> ErrorCodes { get; init; }

    /// <summary>The number of denied calls.</summary>
    public long Count { get; init; }

    /// <summary>The earliest call, when the events carry a time.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>The latest call.</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Sample event ids: the earliest calls (at most five).</summary>
    public required IReadOnlyList<string> EventIds { get; init; }

    /// <summary>Who made the calls: <c>invokedBy</c> when a service acted for the principal, else the user agent (the most frequent).</summary>
    public string? CalledBy { get; init; }

    /// <summary>What to change.</summary>
    public required DeniedFix Suggestion { get; init; }

    /// <summary>What the surrounding events explain.</summary>
    public required IReadOnlyList<DeniedHint> Hints { get; init; }

    /// <summary>Notes on what the message does and does not tell, and how values were derived.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
