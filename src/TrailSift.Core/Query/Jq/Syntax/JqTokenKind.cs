namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>Token kinds of the jq language.</summary>
internal enum JqTokenKind
{
    End,
    Ident,
    Keyword,
    Field,
    Var,
    Format,
    Number,
    String,
    Op,
}
