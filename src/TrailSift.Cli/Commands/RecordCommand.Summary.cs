using System.Text;

namespace TrailSift.Cli.Commands;

/// <summary>The summary: the existing commands run over the recording, each under a header naming the equivalent command line.</summary>
public sealed partial class RecordCommand
{
    private static int Summarize(RecordOptions o, string principal, AppEnvironment env)
    {
        string rec = o.Out;
        Section(env, "calls by action and resource", ["actions", "--summary", rec]);
        Section(env, "denied calls", ["denied", "--format", "text", rec]);
        Section(env, $"minimal policy of {principal}", ["policy", "--principal", principal, "--format", o.Format, rec]);
        foreach (string also in o.Also)
        {
            Section(env, $"minimal policy of {also} (--also)", ["policy", "--principal", also, "--format", o.Format, rec]);
        }

        return o.Check is { } check
            ? Section(env, $"check against {check}", ["check", "--policy", check, "--principal", principal, "--format", "text", rec])
            : ExitCodes.Results;
    }

    private static int Section(AppEnvironment env, string title, string[] args)
    {
        string line = $"# {title}: trailsift {string.Join(' ', args.Select(Quote))}\n";
        env.Stdout.Write(Encoding.UTF8.GetBytes(line));
        env.Stdout.Flush();
        int code = App.Run(args, env with { StdoutIsTerminal = false, StderrIsTerminal = false });
        env.Stdout.Write("\n"u8);
        env.Stdout.Flush();
        return code;
    }

    private static string Quote(string a) => a.Length > 0 && a.All(ch => char.IsAsciiLetterOrDigit(ch) || "-_./:=@,+".Contains(ch, StringComparison.Ordinal)) ? a : $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
