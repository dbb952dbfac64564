namespace TrailSift.Core.Scan;

/// <summary>Receives per-object problems; the scan goes on after each one.</summary>
/// <remarks>Implementations must be thread-safe: workers report concurrently.</remarks>
public interface IScanReporter
{
    /// <summary>A problem with one object (<c>trailsift: &lt;path&gt;: &lt;reason&gt;</c>).</summary>
    void Report(string path, string reason);
}
