namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>Where a <see cref="CloudTrailWatch"/> stands after a round of polls.</summary>
/// <param name="Round">The round, from 1.</param>
/// <param name="Pending">Regions whose sentinel has not arrived.</param>
/// <param name="Events">Events kept so far.</param>
/// <param name="Left">Time left before the deadline.</param>
public sealed record WatchProgress(int Round, IReadOnlyList<string> Pending, int Events, TimeSpan Left);
