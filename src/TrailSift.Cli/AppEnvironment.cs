namespace TrailSift.Cli;

/// <summary>Everything the app takes from the process: streams, terminal facts, time, core count. Tests build their own.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record AppEnvironment(
    Stream Stdin,
    Stream Stdout,
    TextWriter Stderr,
    bool StdinIsTerminal,
    bool StdoutIsTerminal,
    bool StderrIsTerminal,
    bool NoColor,
    int ProcessorCount,
    TimeProvider Time)
{
    /// <summary>Environment variables the app reads (AWS_*, XDG_CACHE_HOME, HOME); tests pass their own.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Colour even when stdout is not a terminal (<c>--color always</c>).</summary>
    public bool ForceColor { get; init; }

    /// <summary>What the current command run owns (SDK clients of its sources); <see cref="App.Run"/> disposes it when the run ends.</summary>
    public Composition.RunResources Resources { get; init; } = new();

    /// <summary>Ctrl-C cancels a scan or sync and ends the run with exit code 130 (the real console; in-process tests leave signals alone).</summary>
    public bool HandleInterrupts { get; init; }

    /// <summary>The real console.</summary>
    public static AppEnvironment FromConsole() => new(
        Console.OpenStandardInput(),
        new Reporting.StandardOutputStream(Reporting.DescriptorStream.TryOpen(1) ?? Console.OpenStandardOutput()),
        new Reporting.TolerantWriter(new StreamWriter(Reporting.DescriptorStream.TryOpen(2) ?? Console.OpenStandardError()) { AutoFlush = true }),
        !Console.IsInputRedirected,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected,
        Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 },
        Environment.ProcessorCount,
        TimeProvider.System)
    {
        HandleInterrupts = true,
        Variables = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal),
    };
}
