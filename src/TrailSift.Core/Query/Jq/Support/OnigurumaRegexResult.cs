using System.Text.RegularExpressions;

namespace TrailSift.Core.Query.Jq.Support;

/// <summary>The outcome of <see cref="OnigurumaRegex.Compile"/>: a compiled regex, jq's own error, or a refusal.</summary>
public sealed class OnigurumaRegexResult
{
    internal OnigurumaRegexResult(
        OnigurumaRegexStatus status, Regex? regex, OnigurumaModifiers modifiers, IReadOnlyList<string?> groupNames,
        string? error, int errorOffset)
    {
        Status = status;
        Regex = regex;
        Modifiers = modifiers;
        GroupNames = groupNames;
        Error = error;
        ErrorOffset = errorOffset;
    }

    /// <summary>Compiled, jq's error, or unsupported.</summary>
    public OnigurumaRegexStatus Status { get; }

    /// <summary>
    /// The translated .NET regex (culture-invariant, with a match timeout) when <see cref="Status"/> is
    /// <see cref="OnigurumaRegexStatus.Compiled"/>. Capture group <c>i</c> of the jq pattern is the .NET group named
    /// <c>g{i}</c>; use <see cref="OnigurumaRegex.Match"/> rather than this regex to get jq's exact match list.
    /// </summary>
    public Regex? Regex { get; }

    /// <summary>The parsed modifier string (g, n, ...).</summary>
    public OnigurumaModifiers Modifiers { get; }

    /// <summary>For each capture group 1..n of the pattern, its name, or null when it is unnamed.</summary>
    public IReadOnlyList<string?> GroupNames { get; }

    /// <summary>
    /// The error: jq's exact text for <see cref="OnigurumaRegexStatus.JqError"/>, or TrailSift's explanation for
    /// <see cref="OnigurumaRegexStatus.Unsupported"/>. Null when compiled.
    /// </summary>
    public string? Error { get; }

    /// <summary>The offset (in UTF-16 code units of the pattern) of the construct the error is about, or -1.</summary>
    public int ErrorOffset { get; }

    /// <summary>True when compiled.</summary>
    public bool IsCompiled => Status == OnigurumaRegexStatus.Compiled;
}
