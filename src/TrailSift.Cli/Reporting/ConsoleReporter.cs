using TrailSift.Core.Scan;

namespace TrailSift.Cli.Reporting;

/// <summary>
/// Writes per-input problems as <c>trailsift: &lt;path&gt;: &lt;reason&gt;</c> to stderr and counts them; the
/// count decides exit code 2. Clears the progress line before writing.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ConsoleReporter : IScanReporter
{
    private readonly TextWriter _stderr;
    private readonly object _gate = new();
    private int _problems;

    /// <summary>Creates the reporter.</summary>
    public ConsoleReporter(TextWriter stderr)
    {
        _stderr = stderr;
    }

    /// <summary>Problems reported so far.</summary>
    public int Problems => Volatile.Read(ref _problems);

    /// <summary>The progress line currently shown, cleared before messages.</summary>
    public ProgressLine? Progress { get; set; }

    /// <inheritdoc />
    public void Report(string path, string reason)
    {
        Interlocked.Increment(ref _problems);
        lock (_gate)
        {
            Progress?.Clear();
            _stderr.WriteLine($"trailsift: {path}: {reason}");
        }
    }

    /// <summary>A message that is not about one input (usage, summary).</summary>
    public void Message(string text)
    {
        lock (_gate)
        {
            Progress?.Clear();
            _stderr.WriteLine($"trailsift: {text}");
        }
    }
}
