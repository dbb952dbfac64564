using TrailSift.Cli.Commands;
using TrailSift.Cli.Settings;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Cli.Completion;

/// <summary>What completion scripts and the man page are generated from: the commands and their <see cref="OptionSpec"/>s.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class CommandModel
{
    /// <summary>The option names of a command as typed (<c>--name</c>, then <c>-x</c>), each once.</summary>
    public static IEnumerable<string> OptionWords(ICommand command)
    {
        foreach (OptionSpec o in command.Options.DistinctBy(o => o.Name))
        {
            yield return "--" + o.Name;
        }

        foreach (OptionSpec o in command.Options.Where(o => o.Short is not null).DistinctBy(o => o.Short))
        {
            yield return "-" + o.Short;
        }
    }

    /// <summary>The values an option's help lists as <c>a | b | c (…)</c>, e.g. <c>--format</c>'s; empty when it lists none.</summary>
    public static IReadOnlyList<string> Choices(OptionSpec option)
    {
        if (option.Arity == OptionArity.Flag)
        {
            return [];
        }

        string head = option.Help.Split('(')[0];
        string[] parts = head.Split('|', StringSplitOptions.TrimEntries);
        bool words = parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));
        return words && (parts.Length > 1 || option.Name == "format") ? parts : [];
    }

    /// <summary>Options that take a value (the shell then completes the value, not an option).</summary>
    public static IEnumerable<OptionSpec> ValueOptions(ICommand command) =>
        command.Options.Where(o => o.Arity is OptionArity.Single or OptionArity.Repeated).DistinctBy(o => o.Name);

    /// <summary>The words for <c>--event</c>: every action name of the catalog (API operations are event names), sorted.</summary>
    public static IEnumerable<string> EventNames() =>
        IamCatalog.Default.Services.SelectMany(s => s.Actions).Select(a => a.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>The words for <c>--source</c>: the catalog's service prefixes, sorted.</summary>
    public static IEnumerable<string> ServicePrefixes() =>
        IamCatalog.Default.Services.Select(s => s.Prefix).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
