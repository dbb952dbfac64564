namespace TrailSift.Core.Query.Syntax;

/// <summary>The kinds of token the filter <see cref="Lexer"/> produces.</summary>
/// <remarks>Immutable enum; thread-safe.</remarks>
public enum TokenKind
{
    /// <summary>End of the filter text.</summary>
    End,

    /// <summary><c>.</c></summary>
    Dot,

    /// <summary><c>..</c> (recursive descent; not supported).</summary>
    DotDot,

    /// <summary><c>.name</c>: <see cref="Token.Text"/> is the name without the dot.</summary>
    Field,

    /// <summary>An identifier or keyword: <see cref="Token.Text"/>.</summary>
    Identifier,

    /// <summary><c>$name</c> (variables; not supported).</summary>
    Variable,

    /// <summary><c>@name</c> (formats; not supported).</summary>
    Format,

    /// <summary>A number literal: <see cref="Token.Text"/> is the source text.</summary>
    Number,

    /// <summary>A string literal: <see cref="Token.Text"/> is the decoded value.</summary>
    String,

    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Pipe,
    Comma,
    Colon,
    Semicolon,
    Question,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,

    /// <summary><c>//</c>, the alternative operator.</summary>
    Alternative,

    /// <summary><c>=</c>, <c>|=</c>, <c>+=</c> and the other update-assignments (not supported).</summary>
    Assign,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
}
