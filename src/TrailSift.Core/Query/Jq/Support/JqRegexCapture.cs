namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// One entry of the <c>captures</c> array of jq's <c>match</c> output. Offsets and lengths are in code points.
/// jq prints the keys in insertion order, which differs by case: when <see cref="Length"/> is 0 the order is
/// <c>offset, string, length, name</c>; otherwise <c>offset, length, string, name</c>.
/// </summary>
/// <param name="Offset">Code point offset of the capture, or -1 when the group did not participate.</param>
/// <param name="Length">Length in code points.</param>
/// <param name="Value">The captured text, or null when the group did not participate.</param>
/// <param name="Name">The group's name, or null when it is unnamed.</param>
public readonly record struct JqRegexCapture(int Offset, int Length, string? Value, string? Name)
{
    /// <summary>True when jq writes <c>string</c> before <c>length</c> (empty or non-participating captures).</summary>
    public bool StringBeforeLength => Length == 0;
}
