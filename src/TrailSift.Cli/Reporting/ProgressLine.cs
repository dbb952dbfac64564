using System.Globalization;
using TrailSift.Core.Output;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Reporting;

/// <summary>A one-line progress display on stderr for scans longer than a second, only when stderr is a terminal
/// (written through the <see cref="TerminalTextWriter"/> that guards stderr, which turns its cursor markers into sequences).</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ProgressLine
{
    private readonly TextWriter _stderr;
    private readonly Func<int> _listedFiles;
    private readonly object _gate = new();
    private bool _shown;

    /// <summary>Creates the progress line; <paramref name="listedFiles"/> tells how many files were listed so far.</summary>
    public ProgressLine(TextWriter stderr, Func<int> listedFiles)
    {
        _stderr = stderr;
        _listedFiles = listedFiles;
    }

    /// <summary>More to show after the scan figures (the S3 reader's), given the elapsed time.</summary>
    public Func<TimeSpan, string?>? Extra { get; init; }

    /// <summary>Shows the current state (after the first second).</summary>
    public void Update(ScanStats stats)
    {
        if (stats.Elapsed < TimeSpan.FromSeconds(1))
        {
            return;
        }

        double mb = stats.DecodedBytes / 1e6;
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{TerminalText.LineStart}{stats.FilesOpened}/{_listedFiles()} files, {stats.Events:N0} events, {stats.Matches:N0} matches, {mb:F0} MB, {mb / stats.Elapsed.TotalSeconds:F0} MB/s{Extra?.Invoke(stats.Elapsed)}");
        lock (_gate)
        {
            _stderr.Write(line + TerminalText.ClearToEnd);
            _shown = true;
        }
    }

    /// <summary>Removes the line.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_shown)
            {
                _stderr.Write(TerminalText.LineStart + TerminalText.ClearToEnd);
                _shown = false;
            }
        }
    }
}
