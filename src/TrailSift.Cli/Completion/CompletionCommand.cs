using System.Text;
using TrailSift.Cli.Commands;
using TrailSift.Cli.Settings;

namespace TrailSift.Cli.Completion;

/// <summary><c>trailsift completion bash|zsh|fish|pwsh</c>: the shell completion script; <c>--man</c>: the man page.</summary>
public sealed class CompletionCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "completion";

    /// <inheritdoc />
    public string Usage => "completion bash|zsh|fish|pwsh | completion --man";

    /// <inheritdoc />
    public string Summary => "print a shell completion script (bash, zsh, fish, pwsh) or the man page";

    /// <inheritdoc />
    public string Details => """
        Completes commands, options, the values of --format and --color, event names for --event and service
        prefixes for --source (from the IAM catalog), and file names.

        Examples:
          source <(trailsift completion bash)
          trailsift completion fish > ~/.config/fish/completions/trailsift.fish
          trailsift completion --man > trailsift.1
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => CompletionSettings.All;

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        string? text;
        if (args.Get(CompletionSettings.List.Name) is string list)
        {
            IEnumerable<string>? words = CommandModel.Words(list);
            text = words is null ? null : string.Join('\n', words) + "\n";
        }
        else if (args.Has(CompletionSettings.Man.Name))
        {
            text = ManPage.Render([.. CommandLine.Commands], App.Version);
        }
        else
        {
            text = args.Positionals.Count == 1 ? CompletionScripts.For(args.Positionals[0], [.. CommandLine.Commands]) : null;
        }

        if (text is null)
        {
            env.Stderr.WriteLine($"trailsift completion: give one shell ({string.Join(", ", CompletionScripts.Shells)}), --man, or --list events|services");
            return ExitCodes.Error;
        }

        env.Stdout.Write(Encoding.UTF8.GetBytes(text));
        env.Stdout.Flush();
        return ExitCodes.Results;
    }
}
