namespace TrailSift.Core.Query.Syntax;

/// <summary>The binary operators of the filter language, loosest-binding first.</summary>
/// <remarks>Immutable enum; thread-safe.</remarks>
public enum BinaryOperator
{
    /// <summary><c>a | b</c>: feed each output of a to b.</summary>
    Pipe,

    /// <summary><c>a, b</c>: the outputs of a, then those of b.</summary>
    Comma,

    /// <summary><c>a // b</c>: the truthy outputs of a, or else the outputs of b.</summary>
    Alternative,
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}
