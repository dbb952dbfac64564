namespace TrailSift.Core.Query.Jq.Support;

/// <summary>What jq's <c>strptime</c> returns: the broken-down time, plus the unparsed rest when one is left.</summary>
/// <param name="Time">The parsed fields (wday and yday computed as jq does).</param>
/// <param name="Rest">
/// The rest of the input after the format when it starts with whitespace (jq appends it as a ninth element), else null.
/// </param>
public readonly record struct JqParsedTime(JqBrokenDownTime Time, string? Rest);
