namespace TrailSift.Core.Commands;

/*! Commands: what a scanning verb is, said once on the Core side: its name and help, the options it declares, its
    --format list and the run it makes of them (accumulator factory, merge, context predicate, printer). The Cli turns
    every descriptor into a command (Cli/Commands/AnalysisCommand) on the shared run skeleton. May use Output, Analysis,
    Scan (the scan's result), Iam, Events, Json and Common. */

/// <summary>
/// A scanning analysis as a verb: the Cli turns it into a System.CommandLine command (help, completion, man page) and a
/// run on the shared skeleton, so a new analysis is this one class plus one registration line in <c>App.Commands</c>.
/// The shared scan options (filter shortcuts, time window, threads, sources) come with every descriptor.
/// </summary>
/// <remarks>Implementations are immutable and thread-safe.</remarks>
public abstract class AnalysisDescriptor
{
    /// <summary>The verb, e.g. <c>actions</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The usage line after the program name.</summary>
    public abstract string Usage { get; }

    /// <summary>One sentence for the command list.</summary>
    public abstract string Summary { get; }

    /// <summary>Help text after the option list: notes and examples.</summary>
    public abstract string Details { get; }

    /// <summary>The options beyond the shared scan options, in help order (the <c>--format</c> option among them).</summary>
    public abstract IReadOnlyList<AnalysisOption> Options { get; }

    /// <summary>The <c>--format</c> values; the first is the default.</summary>
    public abstract IReadOnlyList<AnalysisFormat> Formats { get; }

    /// <summary>
    /// The run the options ask for, before anything is scanned; null with <paramref name="error"/> (one line, without the
    /// program name) when the options cannot be combined.
    /// </summary>
    public abstract AnalysisRun? Prepare(IAnalysisOptions options, AnalysisFormat format, out string? error);
}
