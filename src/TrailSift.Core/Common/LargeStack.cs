namespace TrailSift.Core.Common;

/// <summary>
/// The stack of threads that parse or evaluate user programs: deeply nested programs and data recurse deeply (jq has
/// its own stack). Filters are parsed on a thread with this stack, and the scan workers that evaluate them get the same,
/// so whatever parses also runs.
/// </summary>
public static class LargeStack
{
    /// <summary>The stack size (reserved, committed only as used).</summary>
    public const int Bytes = 512 * 1024 * 1024;
}
