using System.Text.Json;

namespace TrailSift.Testing;

/// <summary>
/// A file of hand-written differential cases for <c>trailsift jq</c> (tests/data/jq/*.cases). Sections start with
/// <c>== NAME [MARK…]</c>; a case line is either <c>PROGRAM&lt;TAB&gt;INPUT&lt;TAB&gt;INPUT…</c> (one case per input,
/// run as <c>jq -c PROGRAM</c> with INPUT on stdin) or <c>args ARGS&lt;TAB&gt;STDIN[&lt;TAB&gt;FILES]</c> with ARGS a JSON array of jq's arguments, STDIN a JSON string and FILES
/// a JSON object of file name to content. Lines starting with <c>#</c> are comments.
/// </summary>
public static class JqCaseFile
{
    /// <summary>One case: its section, the section's marks, jq's arguments, stdin, input files, and its line.</summary>
    public sealed record Case(string Section, IReadOnlyList<string> Marks, IReadOnlyList<string> Args, string Stdin, IReadOnlyDictionary<string, string>? Files, int Line)
    {
        /// <summary>Whether the section carries <paramref name="mark"/>.</summary>
        public bool Has(string mark) => Marks.Contains(mark);

        /// <inheritdoc />
        public override string ToString() => $"line {Line} [{Section}] jq {string.Join(' ', Args.Select(Quote))} <<< {Stdin}";

        private static string Quote(string a) => a.Length > 0 && a.All(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' or '/') ? a : "'" + a + "'";
    }

    /// <summary>Reads tests/data/jq/<paramref name="name"/>.</summary>
    public static IReadOnlyList<Case> Load(string name)
    {
        string path = Path.Combine(RepoPaths.TestData, "jq", name);
        var cases = new List<Case>();
        string section = string.Empty;
        string[] marks = [];
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                string[] words = line[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                section = words[0];
                marks = words[1..];
                continue;
            }

            string[] parts = line.Split('\t');
            if (line.StartsWith("args [", StringComparison.Ordinal))
            {
                string[] args = JsonSerializer.Deserialize<string[]>(parts[0][5..]) ?? throw new FormatException($"{path}:{i + 1}: bad arguments");
                string stdin = parts.Length > 1 ? JsonSerializer.Deserialize<string>(parts[1])! : string.Empty;
                Dictionary<string, string>? files = parts.Length > 2 ? JsonSerializer.Deserialize<Dictionary<string, string>>(parts[2]) : null;
                cases.Add(new Case(section, marks, args, stdin, files, i + 1));
                continue;
            }

            if (parts.Length < 2)
            {
                throw new FormatException($"{path}:{i + 1}: a program line needs at least one input after a tab");
            }

            foreach (string input in parts[1..])
            {
                cases.Add(new Case(section, marks, ["-c", parts[0]], input, null, i + 1));
            }
        }

        return cases;
    }

    /// <summary>
    /// The text of a compile error without its position: jq prints <c>jq: error: MSG at &lt;top-level&gt;, line N:</c>
    /// and the program line, TrailSift adds the column and a caret; both end with <c>jq: N compile error(s)</c>.
    /// Returns the messages and the count line, or null when <paramref name="stderr"/> is not a compile error.
    /// </summary>
    public static string? CompileErrorText(string stderr)
    {
        var kept = new List<string>();
        foreach (string line in stderr.Split('\n'))
        {
            int at = line.IndexOf(" at <top-level>, line ", StringComparison.Ordinal);
            if (line.StartsWith("jq: error: ", StringComparison.Ordinal) && at > 0)
            {
                kept.Add(line[..at]);
            }
            else if (line.StartsWith("jq: ", StringComparison.Ordinal) && line.Contains(" compile error", StringComparison.Ordinal))
            {
                kept.Add(line);
            }
        }

        return kept.Count == 0 ? null : string.Join("\n", kept);
    }
}
