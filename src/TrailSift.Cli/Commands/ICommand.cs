using TrailSift.Cli.Settings;

namespace TrailSift.Cli.Commands;

/// <summary>One verb of the command line.</summary>
public interface ICommand
{
    /// <summary>The verb, e.g. <c>query</c>.</summary>
    string Name { get; }

    /// <summary>The usage line after the program name.</summary>
    string Usage { get; }

    /// <summary>One sentence for the command list.</summary>
    string Summary { get; }

    /// <summary>Extra help text (examples, notes).</summary>
    string Details { get; }

    /// <summary>The options the command accepts.</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs with parsed arguments; returns the exit code.</summary>
    int Run(ParsedArgs args, AppEnvironment env);
}
