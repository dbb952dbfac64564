using System.Globalization;

namespace TrailSift.Tools.TrailGen.Synth;

/// <summary>What a generation run wrote.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record SynthReport(int Files, long Events, long Denied, long JsonBytes, long GzipBytes, TimeSpan Elapsed)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"files {Files}, events {Events}, denied {Denied}, json {JsonBytes / 1048576.0:F1} MiB, gzip {GzipBytes / 1048576.0:F1} MiB, "
        + $"{Elapsed.TotalSeconds:F1} s ({JsonBytes / 1048576.0 / Math.Max(Elapsed.TotalSeconds, 1e-9):F0} MiB/s of JSON)");
}
