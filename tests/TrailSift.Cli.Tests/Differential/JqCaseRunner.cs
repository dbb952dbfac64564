using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TrailSift.Cli;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Differential;

/// <summary>
/// Runs hand-written cases (<see cref="JqCaseFile"/>) through <c>trailsift jq</c> and jq 1.7.1 (jq-wasm) and compares
/// stdout and stderr byte for byte and the exit status; compile errors (exit 3 on both sides) are compared by their
/// message text (<see cref="JqCaseFile.CompileErrorText"/>), since TrailSift adds a column and a caret.
/// </summary>
internal static class JqCaseRunner
{
    public sealed record Outcome(JqCaseFile.Case Case, CliRunner.Result Ours, JqReference.Output Jq, bool Agrees)
    {
        public string Describe() => Case + "\n" +
            "  jq 1.7.1  status " + Jq.Status + " stdout " + JsonSerializer.Serialize(Jq.Stdout) + " stderr " + JsonSerializer.Serialize(Jq.Stderr) + (Jq.Crash is null ? string.Empty : " crash " + Jq.Crash) + "\n" +
            "  trailsift status " + Ours.ExitCode + " stdout " + JsonSerializer.Serialize(Ours.Stdout) + " stderr " + JsonSerializer.Serialize(Ours.Stderr);
    }

    public static List<Outcome> Run(JqReference reference, IReadOnlyList<JqCaseFile.Case> cases)
    {
        var answers = reference.Run(cases.Select(c => new JqReference.Request(c.Args, c.Stdin, c.Files, TimeoutMs: 5000)).ToList());
        var outcomes = new List<Outcome>(cases.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            JqCaseFile.Case c = cases[i];
            CliRunner.Result ours = c.Files is null ? CliRunner.Run(["jq", .. c.Args], c.Stdin) : RunInDirectory(c);
            outcomes.Add(new Outcome(c, ours, answers[i], Agree(ours, answers[i])));
        }

        return outcomes;
    }

    public static bool Agree(CliRunner.Result ours, JqReference.Output jq)
    {
        return ours.ExitCode == jq.Status && ours.Stdout == jq.Stdout && SameStderr(ours, jq);
    }

    /// <summary>Whether stderr agrees: byte for byte, or for compile errors by the message text.</summary>
    public static bool SameStderr(CliRunner.Result ours, JqReference.Output jq)
    {
        if (ours.ExitCode == 3 && jq.Status == 3 && JqCaseFile.CompileErrorText(ours.Stderr) is { } mine && JqCaseFile.CompileErrorText(jq.Stderr) is { } theirs)
        {
            return mine == theirs;
        }

        // jq names itself by its argv[0] in usage errors: the reference's is the script's path, TrailSift's "trailsift jq".
        return ours.Stderr == jq.Stderr.Replace(OracleName, "trailsift jq", StringComparison.Ordinal);
    }

    private static readonly string OracleName = Path.Combine(RepoPaths.Root, "tests", "tools", "jq-reference.js");

    /// <summary>Writes the case's files to a fresh directory and runs the built CLI there (file names stay as jq sees them).</summary>
    private static CliRunner.Result RunInDirectory(JqCaseFile.Case c)
    {
        string dir = Directory.CreateTempSubdirectory("trailsift-jqcase-").FullName;
        try
        {
            foreach ((string name, string text) in c.Files!)
            {
                File.WriteAllText(Path.Combine(dir, name), text, new UTF8Encoding(false));
            }

            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = dir,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
            };
            start.ArgumentList.Add(typeof(App).Assembly.Location);
            start.ArgumentList.Add("jq");
            foreach (string a in c.Args)
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["NO_COLOR"] = "1";
            using Process p = Process.Start(start)!;
            Task<string> stdout = p.StandardOutput.ReadToEndAsync();
            Task<string> stderr = p.StandardError.ReadToEndAsync();
            p.StandardInput.Write(c.Stdin);
            p.StandardInput.Close();
            p.WaitForExit();
            return new CliRunner.Result(p.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
