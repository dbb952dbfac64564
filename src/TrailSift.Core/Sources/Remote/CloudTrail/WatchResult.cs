namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>What a <see cref="CloudTrailWatch"/> collected.</summary>
/// <param name="Events">The kept events, each once (unordered).</param>
/// <param name="Complete">Per region: true when its sentinel arrived.</param>
/// <param name="Errors">Per region: the last lookup error, when the last poll of the region failed.</param>
public sealed record WatchResult(IReadOnlyList<byte[]> Events, IReadOnlyDictionary<string, bool> Complete, IReadOnlyDictionary<string, string> Errors);
