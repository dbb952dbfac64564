namespace TrailSift.Cli;

/// <summary>The exit-code contract (docs/exit-codes.md).</summary>
public static class ExitCodes
{
    /// <summary>Results were found.</summary>
    public const int Results = 0;

    /// <summary>The run succeeded and found nothing.</summary>
    public const int NoResults = 1;

    /// <summary>Bad usage, or some input could not be read (even if results were found).</summary>
    public const int Error = 2;

    /// <summary><c>check</c>: some recorded call would be denied by the candidate policy.</summary>
    public const int WouldDeny = 3;

    /// <summary>A scan or sync interrupted by Ctrl-C (SIGINT): 128 + 2, as a shell reports a process the signal ended.</summary>
    public const int Interrupted = 130;
}
