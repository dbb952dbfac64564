namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// One object of jq's <c>match</c> output: <c>{offset, length, string, captures}</c> (keys in that order), offsets
/// and lengths in code points.
/// </summary>
/// <param name="Offset">Code point offset of the match.</param>
/// <param name="Length">Length in code points.</param>
/// <param name="Value">The matched text.</param>
/// <param name="Captures">One entry per capture group of the pattern, in group order.</param>
public sealed record JqRegexMatch(int Offset, int Length, string Value, IReadOnlyList<JqRegexCapture> Captures);
