using System.CommandLine;
using TrailSift.Cli.Commands;

namespace TrailSift.Cli.Settings;

/// <summary>
/// The command line as a System.CommandLine model: the program, its verbs (<see cref="CliCommand"/>) and their options
/// (<see cref="CliOption"/>), built from the Settings declarations. Parsing, help, completion scripts and the man page
/// all read this one model.
/// </summary>
/// <remarks>Built on first use; read-only afterwards; thread-safe.</remarks>
public static partial class CommandLine
{
    private static readonly Lazy<Command> RootModel = new(Build);

    /// <summary>The program: every verb of <see cref="App.Commands"/> as a subcommand, in help order.</summary>
    public static Command Root => RootModel.Value;

    /// <summary>The verbs, in help order.</summary>
    public static IEnumerable<CliCommand> Commands => Root.Subcommands.OfType<CliCommand>();

    /// <summary>The model of <paramref name="verb"/> (built on the spot for a verb outside <see cref="App.Commands"/>).</summary>
    public static CliCommand For(ICommand verb) => Commands.FirstOrDefault(c => ReferenceEquals(c.Verb, verb)) ?? new CliCommand(verb);

    private static Command Build()
    {
        var root = new Command("trailsift", "turn AWS CloudTrail logs into answers about IAM permissions");
        foreach (ICommand verb in App.Commands)
        {
            root.Subcommands.Add(new CliCommand(verb));
        }

        return root;
    }
}
