using System.CommandLine;
using System.CommandLine.Parsing;
using TrailSift.Cli.Commands;

namespace TrailSift.Cli.Settings;

/// <summary>Parsing: System.CommandLine tokenizes and checks arities; the words it cannot judge are checked around it.</summary>
public static partial class CommandLine
{
    // A bare optional-value option (--error) whose next word is not a value is passed as --error=<this>: System.CommandLine
    // would otherwise take any next word, a path included, as its value. Read back as "no value".
    private const string NoValue = "\u0000";

    // @FILE is expanded before parsing (ResponseFiles), so System.CommandLine sees the words as given.
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    /// <summary>Parses <paramref name="args"/> (after the verb) against the verb's options; <paramref name="error"/> is set on bad usage.</summary>
    public static ParsedArgs Parse(ICommand verb, IReadOnlyList<string> args, out string? error)
    {
        CliCommand command = For(verb);
        error = CheckWords(command, args, out List<string> words);
        if (error is not null)
        {
            return new ParsedArgs();
        }

        // A verb outside App.Commands (a test registers one beside them) is parsed under a root of its own.
        Command root = command.Parents.Any() ? Root : new Command(Root.Name) { command };
        ParseResult result = root.Parse([command.Name, .. words], Configuration);
        var parsed = new ParsedArgs();
        error = ReadPositionals(command, result, parsed) ?? ReadOptions(result, parsed);
        if (error is null && result.Errors.Count > 0)
        {
            error = result.Errors[0].Message.TrimEnd('.');
        }

        return parsed;
    }

    // What System.CommandLine would accept but the command line forbids: a value on a switch (--stats=yes), a bundle of
    // short options with an unknown letter (-Lx). Also marks a bare --error that takes no value. Words after -- are kept.
    private static string? CheckWords(CliCommand command, IReadOnlyList<string> args, out List<string> words)
    {
        words = new List<string>(args.Count);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                words.AddRange(args.Skip(i));
                return null;
            }

            words.Add(arg);
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                int eq = arg.IndexOf('=');
                CliOption? option = Find(command, eq > 0 ? arg[..eq] : arg);
                if (option is not null && eq > 0 && option.Arity.MaximumNumberOfValues == 0)
                {
                    return $"option '{option.Name}' takes no value";
                }

                if (option is not null && eq < 0 && !option.TakesValue && option.Arity.MaximumNumberOfValues == 1
                    && i + 1 < args.Count && !LooksLikeOptionalValue(args[i + 1]))
                {
                    words[^1] = arg + "=" + NoValue;
                }

                if (option is { TakesValue: true } && eq < 0 && i + 1 < args.Count)
                {
                    words.Add(args[++i]);
                }
            }
            else if (arg.Length == 2 && Find(command, arg) is { TakesValue: true } && i + 1 < args.Count)
            {
                // -j N: the value is the next word whatever it looks like (-j -5 is a usage error later, not an option).
                words.Add(args[++i]);
            }
            else if (arg.Length > 2 && arg[0] == '-' && !LooksLikeNegativeNumber(arg) && Find(command, arg[..2]) is { TakesValue: false })
            {
                // -cr is -c -r; a letter that is not a switch makes the whole word unknown (a value needs its own word or =).
                if (arg.Skip(1).Any(c => Find(command, "-" + c) is not { Arity.MaximumNumberOfValues: 0 }))
                {
                    return $"unknown option '{arg}'";
                }
            }
        }

        return null;
    }

    private static string? ReadPositionals(CliCommand command, ParseResult result, ParsedArgs parsed)
    {
        IReadOnlyList<Token> tokens = result.GetResult(command.Positionals)?.Tokens ?? [];
        int separator = IndexOf(result.Tokens, static t => t.Type == TokenType.DoubleDash);
        foreach (Token token in tokens)
        {
            bool afterSeparator = separator >= 0 && IndexOf(result.Tokens, t => ReferenceEquals(t, token)) > separator;
            if (afterSeparator && parsed.SeparatorIndex < 0)
            {
                parsed.SeparatorIndex = parsed.Positionals.Count;
            }

            string word = token.Value;
            if (!afterSeparator && word.Length > 1 && word[0] == '-' && !LooksLikeNegativeNumber(word))
            {
                return $"unknown option '{word}'" + (word.StartsWith("--", StringComparison.Ordinal) ? OptionSuggestion.For(command, word) : string.Empty);
            }

            parsed.Positionals.Add(word);
        }

        if (separator >= 0 && parsed.SeparatorIndex < 0)
        {
            parsed.SeparatorIndex = parsed.Positionals.Count;
        }

        return null;
    }

    private static string? ReadOptions(ParseResult result, ParsedArgs parsed)
    {
        foreach (SymbolResult child in result.CommandResult.Children)
        {
            if (child is not OptionResult { Option: CliOption option } given)
            {
                continue;
            }

            string name = option.Spec.Name;
            if (option.TakesValue && given.Tokens.Count == 0)
            {
                return $"option '{option.Name}' needs a value ({option.HelpName})";
            }

            if (option.Spec.Arity == OptionArity.Single && given.IdentifierTokenCount > 1)
            {
                return $"option '{option.Name}' is given more than once (it takes one value)";
            }

            if (given.Tokens.Count == 0)
            {
                parsed.Add(name, null);
            }

            foreach (Token token in given.Tokens)
            {
                parsed.Add(name, token.Value == NoValue ? null : token.Value);
            }
        }

        return null;
    }

    private static CliOption? Find(CliCommand command, string word) =>
        command.Declared.FirstOrDefault(o => o.Name == word || o.Aliases.Contains(word));

    private static int IndexOf(IReadOnlyList<Token> tokens, Func<Token, bool> match)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (match(tokens[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // "--error AccessDenied" takes the code; "--error ./logs" does not. A value is taken only when it looks like an
    // error code and is not an existing path. "--error=CODE" is always unambiguous.
    private static bool LooksLikeOptionalValue(string next) =>
        next.Length > 0 && char.IsAsciiLetter(next[0]) && !File.Exists(next) && !Directory.Exists(next)
        && next.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static bool LooksLikeNegativeNumber(string arg) => arg.Length > 1 && arg[0] == '-' && char.IsAsciiDigit(arg[1]);
}
