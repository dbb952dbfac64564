using System.CommandLine;
using System.CommandLine.Completions;

namespace TrailSift.Cli.Settings;

/// <summary>
/// A System.CommandLine option made from its <see cref="OptionSpec"/> declaration: <c>--name</c> with the short alias,
/// the help text as its description, the value name as its help name, the arity, and the completion words.
/// </summary>
/// <remarks>Built once per command; read-only afterwards.</remarks>
public sealed class CliOption : Option<string>
{
    /// <summary>Builds the option for <paramref name="spec"/>.</summary>
    public CliOption(OptionSpec spec)
        : base("--" + spec.Name, spec.Short is char s ? ["-" + s] : [])
    {
        Spec = spec;
        Description = spec.Help;
        HelpName = spec.ValueName;
        Arity = spec.Arity switch
        {
            OptionArity.Flag => ArgumentArity.Zero,
            OptionArity.Single => ArgumentArity.ExactlyOne,
            OptionArity.Repeated => ArgumentArity.OneOrMore,
            _ => ArgumentArity.ZeroOrOne,
        };

        // One value per occurrence (--event A --event B); a repeated single-valued option fails the arity check.
        AllowMultipleArgumentsPerToken = false;

        // Values are read as the words given (ParsedArgs), never converted here: a repeated option's words are kept.
        CustomParser = static result => result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
        IReadOnlyList<string> choices = ListedChoices(spec);
        if (choices.Count > 0)
        {
            CompletionSources.Add(_ => choices.Select(static c => new CompletionItem(c)));
        }
        else if (spec.Words is { } words)
        {
            CompletionSources.Add(_ => words().Select(static w => new CompletionItem(w)));
        }
    }

    /// <summary>The declaration.</summary>
    public OptionSpec Spec { get; }

    /// <summary>True when the option takes a value (<c>--x V</c>); false for a switch, with or without an optional value.</summary>
    public bool TakesValue => Arity.MinimumNumberOfValues > 0;

    /// <summary>True when completion offers a fixed list of values (<c>--format</c>'s), false for open values.</summary>
    public bool HasChoices => ListedChoices(Spec).Count > 0;

    /// <summary>The single-letter alias as typed (<c>-j</c>), or null.</summary>
    public string? ShortAlias => Aliases.FirstOrDefault();

    /// <summary>The option as typed in help, e.g. <c>-j, --threads N</c>; without a short alias the name is indented to line up.</summary>
    public string Usage
    {
        get
        {
            string head = ShortAlias is string s ? $"{s}, {Name}" : $"    {Name}";
            if (Arity.MaximumNumberOfValues == 0)
            {
                return head;
            }

            return Arity.MinimumNumberOfValues == 0 ? $"{head} [{HelpName}]" : $"{head} {HelpName}";
        }
    }

    /// <summary>The words completion offers for the value (empty for a switch or an open value).</summary>
    /// <remarks>In the declared order (System.CommandLine's own <c>GetCompletions</c> sorts them).</remarks>
    public IReadOnlyList<string> CompletionWords() =>
        Arity.MaximumNumberOfValues == 0 ? [] : [.. CompletionSources.SelectMany(static source => source(CompletionContext.Empty)).Select(static c => c.Label)];

    // The values an option's help lists as "a | b | c (…)", e.g. --format's; empty when it lists none.
    private static IReadOnlyList<string> ListedChoices(OptionSpec spec)
    {
        if (spec.Arity == OptionArity.Flag)
        {
            return [];
        }

        string[] parts = spec.Help.Split('(')[0].Split('|', StringSplitOptions.TrimEntries);
        bool words = parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));
        return words && (parts.Length > 1 || spec.Name == "format") ? parts : [];
    }
}
