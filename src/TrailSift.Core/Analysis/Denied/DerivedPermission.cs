namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// One <c>(action, resource)</c> pair derived from an event; <see cref="Resource"/> is null when unknown;
/// <see cref="Implied"/> for permissions CloudTrail does not log (<c>iam:PassRole</c>), with the mapping's note.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal readonly record struct DerivedPermission(string Action, string? Resource, bool Implied = false, string? Note = null);
