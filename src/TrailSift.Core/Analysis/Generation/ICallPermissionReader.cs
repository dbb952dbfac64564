using TrailSift.Core.Events;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>Reads the permissions one event needed (the seam over the event → permission mapping).</summary>
/// <remarks>Implementations must be thread-safe: one reader serves every scan worker.</remarks>
public interface ICallPermissionReader
{
    /// <summary>The permissions <paramref name="record"/> needed; valid after the callback (no reference to the record).</summary>
    CallPermissions Read(EventRecord record);
}
