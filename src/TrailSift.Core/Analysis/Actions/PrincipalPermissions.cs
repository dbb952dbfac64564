namespace TrailSift.Core.Analysis.Actions;

/// <summary>What one principal's events needed: observed permissions and implied ones (never logged), kept apart.</summary>
/// <remarks>Not thread-safe: one per worker, merged on one thread.</remarks>
public sealed class PrincipalPermissions
{
    /// <summary>Events of the principal.</summary>
    public long Events { get; internal set; }

    /// <summary>The permissions the events needed.</summary>
    public PermissionTally Observed { get; } = new();

    /// <summary>Permissions implied by the events (e.g. <c>iam:PassRole</c>).</summary>
    public PermissionTally Implied { get; } = new();

    internal void Merge(PrincipalPermissions other)
    {
        Events += other.Events;
        Observed.Merge(other.Observed);
        Implied.Merge(other.Implied);
    }
}
