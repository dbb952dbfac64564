namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary><c>halt</c> / <c>halt_error</c>: ends the program with an exit code and optional stderr text.</summary>
public sealed class JqHaltException(int exitCode, string? stderrText) : Exception("halt")
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>Text for stderr (already formatted), or null.</summary>
    public string? StderrText { get; } = stderrText;
}
