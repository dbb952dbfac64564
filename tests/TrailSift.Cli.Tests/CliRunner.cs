using System.Text;
using TrailSift.Cli;

namespace TrailSift.Cli.Tests;

/// <summary>Runs the app in-process with captured streams.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Stdout as written, before UTF-8 decoding (which would hide invalid bytes).</summary>
        public byte[] StdoutBytes { get; init; } = [];
    }

    public static Result Run(string[] args, string? stdin = null, bool terminal = false, DateTimeOffset? now = null, int cores = 2, bool noColor = true)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var env = new AppEnvironment(
            new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty)),
            stdout,
            stderr,
            StdinIsTerminal: stdin is null,
            StdoutIsTerminal: terminal,
            StderrIsTerminal: false,
            NoColor: noColor,
            ProcessorCount: cores,
            Time: new FixedTime(now ?? new DateTimeOffset(2024, 5, 3, 12, 0, 0, TimeSpan.Zero)));
        int code = App.Run(args, env);
        return new Result(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString()) { StdoutBytes = stdout.ToArray() };
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
