using System.Collections.Immutable;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>One resource pattern of a generated statement with the evidence behind it.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Pattern">The pattern written into the policy.</param>
/// <param name="Evidence">The observed <c>(action, resource)</c> tuples it covers, sorted by action then resource.</param>
public sealed record GeneratedResource(string Pattern, ImmutableArray<PermissionEvidence> Evidence);
