namespace TrailSift.Core.Query.Jq.Support;

/// <summary>jq's regex modifier letters (the second argument of <c>test</c>, <c>match</c>, <c>sub</c> ...).</summary>
[Flags]
public enum OnigurumaModifiers
{
    /// <summary>No modifier.</summary>
    None = 0,

    /// <summary><c>g</c>: every match, not only the first.</summary>
    Global = 1,

    /// <summary><c>i</c>: case-insensitive (Oniguruma's Unicode case folding, multi-character folds included).</summary>
    IgnoreCase = 2,

    /// <summary><c>x</c>: extended syntax (whitespace and <c>#</c> comments outside classes are ignored).</summary>
    Extended = 4,

    /// <summary><c>s</c>: Oniguruma's SINGLELINE, already the default of jq's Perl syntax (no effect).</summary>
    SingleLine = 8,

    /// <summary><c>m</c> (and half of <c>p</c>): Oniguruma's MULTILINE, that is <c>.</c> also matches a newline.</summary>
    DotAll = 16,

    /// <summary><c>n</c>: ignore empty matches.</summary>
    NotEmpty = 32,

    /// <summary><c>l</c>: longest match (not supported: refused).</summary>
    Longest = 64,
}
