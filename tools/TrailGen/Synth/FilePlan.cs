namespace TrailSift.Tools.TrailGen.Synth;

/// <summary>One log file to write: region, period start, path and its uncompressed JSON budget.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record FilePlan(int RegionIndex, string Region, DateTimeOffset PeriodStart, string Path, long Budget);
