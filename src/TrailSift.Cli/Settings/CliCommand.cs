using System.CommandLine;
using TrailSift.Cli.Commands;

namespace TrailSift.Cli.Settings;

/// <summary>
/// A verb in the System.CommandLine model: its name, summary as description, one <see cref="CliOption"/> per declared
/// option and the positional arguments. Help, completion scripts and the man page are rendered from this model.
/// </summary>
/// <remarks>Built once; read-only afterwards.</remarks>
public sealed class CliCommand : Command
{
    /// <summary>Builds the model of <paramref name="verb"/>.</summary>
    public CliCommand(ICommand verb)
        : base(verb.Name, verb.Summary)
    {
        Verb = verb;
        foreach (OptionSpec spec in verb.Options.DistinctBy(static o => o.Name))
        {
            Options.Add(new CliOption(spec));
        }

        Arguments.Add(Positionals);
    }

    /// <summary>The command that runs.</summary>
    public ICommand Verb { get; }

    /// <summary>The usage line after the program name.</summary>
    public string Usage => Verb.Usage;

    /// <summary>Help text after the option list's summary: notes and examples.</summary>
    public string Details => Verb.Details;

    /// <summary>Every word that is not an option (and every word after <c>--</c>), in order.</summary>
    public Argument<string[]> Positionals { get; } = new("ARGS") { Arity = ArgumentArity.ZeroOrMore };

    /// <summary>The options, in declaration order.</summary>
    public IEnumerable<CliOption> Declared => Options.OfType<CliOption>();
}
