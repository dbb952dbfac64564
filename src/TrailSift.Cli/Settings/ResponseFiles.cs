using System.Text;

namespace TrailSift.Cli.Settings;

/// <summary>
/// Expands <c>@FILE</c> arguments into the arguments the file holds, as System.CommandLine does: one or more per line,
/// split at whitespace outside double quotes; blank lines and lines starting with <c>#</c> are skipped. Nothing
/// after a <c>--</c> separator is expanded, and a response file does not name another one.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class ResponseFiles
{
    /// <summary>The arguments with every <c>@FILE</c> before <c>--</c> replaced by its content; null after an error.</summary>
    public static string[]? Expand(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var result = new List<string>(args.Count);
        bool passThrough = false;
        foreach (string arg in args)
        {
            if (passThrough || arg.Length < 2 || arg[0] != '@')
            {
                passThrough |= arg == "--";
                result.Add(arg);
                continue;
            }

            string path = arg[1..];
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"cannot read response file '{path}': {(e is FileNotFoundException ? "no such file" : e.Message)}";
                return null;
            }

            foreach (string line in text.Split('\n'))
            {
                string trimmed = line.Trim();
                if (trimmed.Length > 0 && trimmed[0] != '#')
                {
                    Split(trimmed, result);
                }
            }
        }

        return [.. result];
    }

    private static void Split(string line, List<string> into)
    {
        var current = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    into.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            into.Add(current.ToString());
        }
    }
}
