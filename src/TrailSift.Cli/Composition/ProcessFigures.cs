using System.Diagnostics;
using System.Globalization;

namespace TrailSift.Cli.Composition;

/// <summary>
/// The process's memory and garbage-collector figures for <c>--stats</c>: written when the scan ends and when the command
/// ends, so a run's memory and GC cost can be split into the scan and what follows it (bench/unused/phases.py reads both).
/// The figures are the whole process's: run in-process by a test host they include the host's.
/// </summary>
/// <remarks>Stable wording: the benchmark parses it.</remarks>
public static class ProcessFigures
{
    /// <summary>Writes one line <c>memory (WHEN): peak RSS …</c> to <paramref name="stderr"/>.</summary>
    /// <param name="stderr">Where to write.</param>
    /// <param name="when">Which moment the figures are of (<c>scan end</c>, <c>end</c>).</param>
    public static void Write(TextWriter stderr, string when)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        long peak = 0;
        try
        {
            using Process self = Process.GetCurrentProcess();
            peak = self.PeakWorkingSet64;
        }
        catch (Exception e) when (e is PlatformNotSupportedException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // No peak on this platform: said as such below.
        }

        CultureInfo c = CultureInfo.InvariantCulture;
        string peakText = peak > 0 ? string.Create(c, $"{peak >> 20} MiB") : "unknown";
        GCMemoryInfo info = GC.GetGCMemoryInfo();
        stderr.WriteLine(string.Create(c,
            $"memory ({when}): peak RSS {peakText}, RSS {Environment.WorkingSet >> 20} MiB, GC heap {info.HeapSizeBytes >> 20} MiB after the last collection; "
            + $"GC: {GC.CollectionCount(0)} collections (gen1 or 2 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}), "
            + $"pauses {GC.GetTotalPauseDuration().TotalSeconds:F3} s, {GC.GetTotalAllocatedBytes() / 1e6:F0} MB allocated"));
    }
}
