using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// The permissions one CloudTrail event needed: the IAM service prefix and operation it was read as, whether it
/// mapped, the observed <c>(action, resource)</c> pairs, the implied ones CloudTrail never logs, and notes.
/// </summary>
/// <remarks>Immutable; thread-safe. It holds no reference to the event, so it outlives the scan callback.</remarks>
public sealed class EventPermissions
{
    /// <summary>The IAM service prefix read from <c>eventSource</c> (<c>cloudwatch</c> for <c>monitoring</c>); empty when unknown.</summary>
    public required string ServicePrefix { get; init; }

    /// <summary>The operation: <c>eventName</c> without API-version suffixes (<c>GetFunction</c> for <c>GetFunction20150331v2</c>).</summary>
    public required string OperationName { get; init; }

    /// <summary>Whether the event mapped, needs no permission, or is not an API call.</summary>
    public required MappingStatus Status { get; init; }

    /// <summary>The permissions the call needed, one entry per <c>(action, resource)</c> pair.</summary>
    public ImmutableArray<RequiredPermission> Permissions { get; init; } = [];

    /// <summary>Permissions CloudTrail does not log but the call needed (implied, not observed), such as <c>iam:PassRole</c>.</summary>
    public ImmutableArray<RequiredPermission> Implied { get; init; } = [];

    /// <summary>
    /// The resources the call created (new ids from <c>responseElements</c>, or names the request gives for a
    /// create call), whether or not it succeeded; the caller decides what a failed create means.
    /// </summary>
    public ImmutableArray<CreatedResource> Created { get; init; } = [];

    /// <summary>Notes on the mapping: exceptions applied, values that could not be known, why an event did not map.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>True for <see cref="MappingStatus.Mapped"/>, <see cref="MappingStatus.Permissionless"/> and <see cref="MappingStatus.NotApiCall"/>.</summary>
    public bool IsAccountedFor => Status != MappingStatus.Unmapped;

    /// <summary>The distinct actions of <see cref="Permissions"/>, in order of first appearance.</summary>
    public ImmutableArray<string> Actions
    {
        get
        {
            var seen = ImmutableArray.CreateBuilder<string>(Permissions.Length);
            foreach (RequiredPermission p in Permissions)
            {
                if (!seen.Contains(p.Action))
                {
                    seen.Add(p.Action);
                }
            }

            return seen.ToImmutable();
        }
    }
}
