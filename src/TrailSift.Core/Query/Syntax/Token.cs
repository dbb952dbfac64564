namespace TrailSift.Core.Query.Syntax;

/// <summary>One token of a filter: its kind, its text and where it starts in the filter.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The name of a field or identifier, the decoded value of a string, or the source text otherwise.</param>
/// <param name="Position">Offset (in UTF-16 code units) of the token's first character in the filter.</param>
/// <param name="Length">Length of the token's source text.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public readonly record struct Token(TokenKind Kind, string Text, int Position, int Length)
{
    /// <summary>How the token is named in error messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of filter",
        TokenKind.String => "string literal",
        TokenKind.Number => $"number {Text}",
        TokenKind.Field => $"'.{Text}'",
        _ => $"'{Text}'",
    };
}
