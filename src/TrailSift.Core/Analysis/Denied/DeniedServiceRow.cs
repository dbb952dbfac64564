using TrailSift.Core.Analysis.Denied.Messages;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>The denials of one principal on one service for one reason (<c>denied --summary</c>).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record DeniedServiceRow
{
    /// <summary>The principal.</summary>
    public required string Principal { get; init; }

    /// <summary>The service prefix (<c>ec2</c>).</summary>
    public required string Service { get; init; }

    /// <summary>Why the calls were refused.</summary>
    public DeniedReason Reason { get; init; }

    /// <summary>Denied calls.</summary>
    public long Calls { get; init; }

    /// <summary>Groups rolled up.</summary>
    public int Groups { get; init; }

    /// <summary>Distinct actions.</summary>
    public int Actions { get; init; }

    /// <summary>Distinct fixes.</summary>
    public int Fixes { get; init; }
}
