using TrailSift.Core.Events;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// The one place that derives the <c>(action, resource)</c> pairs a call needed from the event itself, used when a
/// denied message names no action or resource (S3's bare <c>Access Denied</c>) and to key successful calls for
/// the "fixed since" hint. A seam so the IAM mapping (<c>Iam/Mapping</c>) can replace the interim derivation.
/// </summary>
/// <remarks>Implementations are stateless and thread-safe.</remarks>
internal interface IPermissionDeriver
{
    /// <summary>The pairs the call needed, first the primary one; empty when nothing can be derived.</summary>
    IReadOnlyList<DerivedPermission> Derive(EventRecord record);
}
