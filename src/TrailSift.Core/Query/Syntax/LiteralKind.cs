namespace TrailSift.Core.Query.Syntax;

/// <summary>The kind of a <see cref="LiteralExpr"/>.</summary>
/// <remarks>Immutable enum; thread-safe.</remarks>
public enum LiteralKind
{
    Null,
    False,
    True,
    Number,
    String,
}
