using TrailSift.Cli.Settings;

namespace TrailSift.Cli.Completion;

/// <summary>What completion scripts read from the System.CommandLine model (<see cref="CommandLine"/>).</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class CommandModel
{
    /// <summary>The option names of a command as typed (<c>--name</c>, then <c>-x</c>), each once.</summary>
    public static IEnumerable<string> OptionWords(CliCommand command) =>
        command.Declared.Select(static o => o.Name).Concat(command.Declared.Select(static o => o.ShortAlias).OfType<string>()).Distinct(StringComparer.Ordinal);

    /// <summary>Options that take a value (the shell then completes the value, not an option).</summary>
    public static IEnumerable<CliOption> ValueOptions(CliCommand command) => command.Declared.Where(static o => o.TakesValue);

    /// <summary>The option the scripts complete with a word list asked of <c>trailsift completion --list</c> (too long to inline).</summary>
    public static string? ListedBy(CliOption option) => option.Name switch
    {
        "--event" => "events",
        "--source" => "services",
        _ => null,
    };

    /// <summary>The words of <c>trailsift completion --list WHAT</c>: the completion words of the option it names; null for another WHAT.</summary>
    public static IEnumerable<string>? Words(string what) =>
        CommandLine.Commands.SelectMany(static c => c.Declared).FirstOrDefault(o => ListedBy(o) == what)?.CompletionWords();
}
