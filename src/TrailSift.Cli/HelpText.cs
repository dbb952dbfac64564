using System.CommandLine;
using System.Text;
using TrailSift.Cli.Settings;

namespace TrailSift.Cli;

/// <summary>
/// Help text rendered from the System.CommandLine model (<see cref="CommandLine"/>) in TrailSift's layout: options in
/// their declared groups, help wrapped under itself, examples kept runnable; no line is longer than <see cref="Width"/> columns.
/// </summary>
public static class HelpText
{
    /// <summary>The widest help line.</summary>
    public const int Width = 100;

    // Option help starts in this column at most; a longer usage puts its help on the next line.
    private const int MaxHelpColumn = 34;

    /// <summary>The program overview.</summary>
    public static string Overview(Command root)
    {
        var sb = new StringBuilder();
        sb.Append(root.Name).Append(": ").Append(root.Description).Append("\n\n");
        sb.Append("usage: trailsift <command> [ARGS...] [OPTIONS]\n\ncommands:\n");
        int width = root.Subcommands.Max(c => c.Name.Length);
        foreach (Command c in root.Subcommands)
        {
            AppendEntry(sb, c.Name, c.Description ?? string.Empty, width + 4);
        }

        sb.Append("\n'trailsift <command> --help' shows a command's options.\n");
        sb.Append("Exit codes: 0 results, 1 no results, 2 bad usage or an input failed;\n");
        sb.Append("check and simulate: 3 would be denied (docs/exit-codes.md).\n");
        sb.Append("Options: --color auto|always|never (NO_COLOR is honoured), @FILE reads arguments from FILE.\n");
        return sb.ToString();
    }

    /// <summary>One command's help.</summary>
    public static string ForCommand(CliCommand command)
    {
        var sb = new StringBuilder();
        AppendWrapped(sb, "usage: trailsift " + command.Usage, "    ");
        sb.Append('\n');
        AppendWrapped(sb, command.Description + ".", string.Empty);
        sb.Append('\n');
        if (command.Details.Length > 0)
        {
            AppendDetails(sb, command.Details);
            sb.Append('\n');
        }

        int column = Math.Min(command.Declared.Max(o => o.Usage.Length) + 4, MaxHelpColumn);
        foreach (IGrouping<string, CliOption> group in command.Declared.GroupBy(o => o.Spec.Group))
        {
            sb.Append(group.Key).Append(":\n");
            foreach (CliOption o in group)
            {
                AppendEntry(sb, o.Usage, o.Description ?? string.Empty, column);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    // "  NAME    help text wrapped at Width, continued under itself"; a NAME too long for the column gets its own line.
    private static void AppendEntry(StringBuilder sb, string name, string help, int column)
    {
        sb.Append("  ").Append(name);
        int used = 2 + name.Length;
        if (used + 2 > column)
        {
            sb.Append('\n');
            used = 0;
        }

        sb.Append(' ', column - used);
        int lineLength = column;
        bool first = true;
        foreach (string word in help.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!first && lineLength + 1 + word.Length > Width)
            {
                sb.Append('\n').Append(' ', column);
                lineLength = column;
                first = true;
            }

            if (!first)
            {
                sb.Append(' ');
                lineLength++;
            }

            sb.Append(word);
            lineLength += word.Length;
            first = false;
        }

        sb.Append('\n');
    }

    // One line, wrapped at Width on spaces; continuation lines start with `indent` (null: the line's own indentation).
    // An example command line (indented, starting with "trailsift ") is cut only outside quotes and continued with
    // a shell line continuation, so it still runs when pasted.
    private static void AppendWrapped(StringBuilder sb, string line, string? indent)
    {
        string lead = indent ?? line[..(line.Length - line.TrimStart(' ').Length)];
        bool example = indent is null && line.TrimStart(' ').StartsWith("trailsift ", StringComparison.Ordinal);
        if (example)
        {
            lead += "    ";
        }

        while (line.Length > Width)
        {
            int cut = example ? LastUnquotedSpace(line, Width - 2) : line.LastIndexOf(' ', Width);
            if (cut <= lead.Length)
            {
                break;
            }

            sb.Append(line, 0, cut).Append(example ? " \\\n" : "\n");
            line = lead + line[(cut + 1)..];
        }

        sb.Append(line).Append('\n');
    }

    // The last space at or before `limit` that is not inside '…' or "…" (-1 when there is none).
    private static int LastUnquotedSpace(string line, int limit)
    {
        int found = -1;
        char quote = '\0';
        for (int i = 0; i < line.Length && i <= limit; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == ' ')
            {
                found = i;
            }
        }

        return found;
    }

    // Unindented lines are prose: a paragraph is reflowed to Width. Indented lines (examples) stay as written.
    private static void AppendDetails(StringBuilder sb, string details)
    {
        var paragraph = new StringBuilder();
        void Flush()
        {
            if (paragraph.Length > 0)
            {
                AppendWrapped(sb, paragraph.ToString(), string.Empty);
                paragraph.Clear();
            }
        }

        foreach (string raw in details.TrimEnd().Split('\n'))
        {
            string line = raw.TrimEnd('\r', ' ');
            if (line.Length == 0 || line[0] == ' ')
            {
                Flush();
                AppendWrapped(sb, line, null);
                continue;
            }

            paragraph.Append(paragraph.Length > 0 ? " " : string.Empty).Append(line);
            if (line.EndsWith(':'))
            {
                Flush();
            }
        }

        Flush();
    }
}
