using System.Collections.Immutable;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Replay;

/// <summary>
/// The result of replaying one recorded call: the verdict, the permission that decided it (the first denied one,
/// else the first undecidable one, else the first), the evaluator's decision and a one-line reason, the keys the
/// failing statements missed or could not know, and, for a denial on request tags, the tagging call that came later.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CallCheck
{
    /// <summary><c>eventID</c>.</summary>
    public required string EventId { get; init; }

    /// <summary><c>eventTime</c> as written.</summary>
    public required string EventTime { get; init; }

    /// <summary><c>eventTime</c> in UTC ticks (0 when absent).</summary>
    public long Ticks { get; init; }

    /// <summary><c>eventSource</c>.</summary>
    public required string EventSource { get; init; }

    /// <summary><c>eventName</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>The caller's ARN, when the event has one.</summary>
    public string? Principal { get; init; }

    /// <summary>The recorded <c>errorCode</c>, or null for a success.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The verdict.</summary>
    public required CallVerdict Verdict { get; init; }

    /// <summary>The deciding permission's action (null for an unmapped event).</summary>
    public string? Action { get; init; }

    /// <summary>The deciding permission's resource.</summary>
    public string? Resource { get; init; }

    /// <summary><c>Allowed</c>, <c>ImplicitlyDenied</c>, <c>ExplicitlyDenied</c> or <c>Undecidable</c>.</summary>
    public required string Decision { get; init; }

    /// <summary>Why, in one line.</summary>
    public required string Reason { get; init; }

    /// <summary>Condition keys the failing statements read that the request does not have.</summary>
    public ImmutableArray<string> MissingKeys { get; init; } = [];

    /// <summary>Keys whose unknown values made the decision undecidable.</summary>
    public ImmutableArray<string> UnknownKeys { get; init; } = [];

    /// <summary>The evaluation of the deciding permission (null for an unmapped event).</summary>
    public EvaluationResult? Result { get; init; }

    /// <summary>True when the denial is on request tags (<c>aws:RequestTag/…</c> or <c>aws:TagKeys</c>).</summary>
    public bool FailedOnRequestTags { get; init; }

    /// <summary>Every permission the call needed, each evaluated on its own (empty for an unmapped event); the call's
    /// own fields describe the deciding one.</summary>
    public ImmutableArray<CallCheck> Permissions { get; init; } = [];

    /// <summary>The later tagging call, for a denial on <c>aws:RequestTag/…</c> or <c>aws:TagKeys</c>.</summary>
    public TagFact? LaterTagging { get; init; }

    /// <summary>How <see cref="LaterTagging"/> was found: <c>created resources</c> or <c>within 60 s</c>.</summary>
    public string? LaterTaggingBasis { get; init; }
}
