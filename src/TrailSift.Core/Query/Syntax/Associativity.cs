namespace TrailSift.Core.Query.Syntax;

/// <summary>How operators of the same precedence group.</summary>
/// <remarks>Immutable enum; thread-safe.</remarks>
public enum Associativity
{
    Left,
    Right,

    /// <summary>Chaining is a syntax error (comparisons, as in jq).</summary>
    None,
}
