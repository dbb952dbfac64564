namespace TrailSift.Core.Analysis.Denied;

/// <summary>One <c>(action, resource)</c> pair derived from an event; <see cref="Resource"/> is null when unknown.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal readonly record struct DerivedPermission(string Action, string? Resource);
