namespace TrailSift.Core.Commands;

/// <summary>One run of an analysis, as <see cref="AnalysisDescriptor.Prepare"/> chose it from the options.</summary>
/// <remarks>See <see cref="AccumulatingRun{TSink}"/> (accumulate, merge, print) and <see cref="StreamingRun{TSink}"/> (print per event).</remarks>
public abstract class AnalysisRun
{
    /// <summary>Scans through <paramref name="host"/> and writes the output.</summary>
    /// <returns>The number of results (0: the command exits 1, "nothing found").</returns>
    public abstract long Execute(IAnalysisHost host);
}
