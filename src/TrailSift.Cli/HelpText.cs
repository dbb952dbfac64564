using System.Text;
using TrailSift.Cli.Commands;
using TrailSift.Cli.Settings;

namespace TrailSift.Cli;

/// <summary>Help text generated from the command and option declarations.</summary>
public static class HelpText
{
    /// <summary>The program overview.</summary>
    public static string Overview(IReadOnlyList<ICommand> commands)
    {
        var sb = new StringBuilder();
        sb.Append("trailsift: turn AWS CloudTrail logs into answers about IAM permissions\n\n");
        sb.Append("usage: trailsift <command> [ARGS...] [OPTIONS]\n\ncommands:\n");
        int width = commands.Max(c => c.Name.Length);
        foreach (ICommand c in commands)
        {
            sb.Append("  ").Append(c.Name.PadRight(width + 2)).Append(c.Summary).Append('\n');
        }

        sb.Append("\n'trailsift <command> --help' shows a command's options.\n");
        sb.Append("Exit codes: 0 results, 1 no results, 2 bad usage or an input failed; check and simulate: 3 would be denied.\n");
        return sb.ToString();
    }

    /// <summary>One command's help.</summary>
    public static string ForCommand(ICommand command)
    {
        var sb = new StringBuilder();
        sb.Append("usage: trailsift ").Append(command.Usage).Append("\n\n");
        sb.Append(command.Summary).Append(".\n\n");
        if (command.Details.Length > 0)
        {
            sb.Append(command.Details.TrimEnd()).Append("\n\n");
        }

        int width = command.Options.Max(o => o.Usage.Length);
        foreach (IGrouping<string, OptionSpec> group in command.Options.GroupBy(o => o.Group))
        {
            sb.Append(group.Key).Append(":\n");
            foreach (OptionSpec o in group)
            {
                sb.Append("  ").Append(o.Usage.PadRight(width + 2)).Append(o.Help).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
