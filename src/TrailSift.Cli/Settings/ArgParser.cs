namespace TrailSift.Cli.Settings;

/// <summary>Parses arguments against a command's option declarations. Reports the first problem as a usage error.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class ArgParser
{
    /// <summary>Parses <paramref name="args"/>; <paramref name="error"/> is set on bad usage.</summary>
    public static ParsedArgs Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs, out string? error)
    {
        var parsed = new ParsedArgs();
        error = null;
        bool onlyPositionals = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (onlyPositionals || arg == "-" || !arg.StartsWith('-') || LooksLikeNegativeNumber(arg))
            {
                parsed.Positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                parsed.SeparatorIndex = parsed.Positionals.Count;
                continue;
            }

            string name;
            string? inline = null;
            OptionSpec? spec;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                int eq = arg.IndexOf('=');
                name = eq > 0 ? arg[2..eq] : arg[2..];
                inline = eq > 0 ? arg[(eq + 1)..] : null;
                spec = Find(specs, name);
            }
            else
            {
                // -j4 and -j=4 as well as -j 4: a short option that takes a value may carry it attached.
                spec = FindShort(specs, arg[1]);
                name = arg[1..];
                if (arg.Length > 2)
                {
                    if (spec is null || spec.Arity == OptionArity.Flag)
                    {
                        spec = null;
                    }
                    else
                    {
                        inline = arg[2] == '=' ? arg[3..] : arg[2..];
                    }
                }
            }

            if (spec is null)
            {
                error = $"unknown option '{arg}'" + (arg.StartsWith("--", StringComparison.Ordinal) ? Suggest(specs, name) : string.Empty);
                return parsed;
            }

            if (spec.Arity == OptionArity.Single && parsed.Has(spec.Name))
            {
                error = $"option '--{spec.Name}' is given more than once (it takes one value)";
                return parsed;
            }

            switch (spec.Arity)
            {
                case OptionArity.Flag:
                    if (inline is not null)
                    {
                        error = $"option '--{spec.Name}' takes no value";
                        return parsed;
                    }

                    parsed.Add(spec.Name, null);
                    break;
                case OptionArity.OptionalValue:
                    if (inline is null && i + 1 < args.Count && LooksLikeOptionalValue(args[i + 1]))
                    {
                        inline = args[++i];
                    }

                    parsed.Add(spec.Name, inline);
                    break;
                default:
                    if (inline is null)
                    {
                        if (i + 1 >= args.Count)
                        {
                            error = $"option '--{spec.Name}' needs a value ({spec.ValueName})";
                            return parsed;
                        }

                        inline = args[++i];
                    }

                    parsed.Add(spec.Name, inline);
                    break;
            }
        }

        return parsed;
    }

    // "--error AccessDenied" takes the code; "--error ./logs" does not. A value is taken only when it
    // looks like an error code and is not an existing path. "--error=CODE" is always unambiguous.
    private static bool LooksLikeOptionalValue(string next)
    {
        if (next.Length == 0 || !char.IsAsciiLetter(next[0]) || File.Exists(next) || Directory.Exists(next))
        {
            return false;
        }

        foreach (char c in next)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksLikeNegativeNumber(string arg) => arg.Length > 1 && arg[0] == '-' && char.IsAsciiDigit(arg[1]);

    private static OptionSpec? Find(IReadOnlyList<OptionSpec> specs, string name)
    {
        foreach (OptionSpec s in specs)
        {
            if (s.Name == name)
            {
                return s;
            }
        }

        return null;
    }

    private static OptionSpec? FindShort(IReadOnlyList<OptionSpec> specs, char c)
    {
        foreach (OptionSpec s in specs)
        {
            if (s.Short == c)
            {
                return s;
            }
        }

        return null;
    }

    private static string Suggest(IReadOnlyList<OptionSpec> specs, string name)
    {
        OptionSpec? best = null;
        int bestDistance = int.MaxValue;
        foreach (OptionSpec s in specs)
        {
            int d = Distance(s.Name, name);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = s;
            }
        }

        return best is not null && bestDistance <= 2 ? $" (did you mean '--{best.Name}'?)" : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }
}
