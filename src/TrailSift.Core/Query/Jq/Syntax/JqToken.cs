namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>One token: its kind, text (name, operator or number text), position, and for strings the decoded parts.</summary>
/// <remarks>String parts are either a <see cref="string"/> (literal text) or a <see cref="Range"/> of source holding an interpolated expression.</remarks>
internal sealed record JqToken(JqTokenKind Kind, string Text, int Start, int End, IReadOnlyList<object>? Parts = null)
{
    public bool Is(string op) => (Kind == JqTokenKind.Op || Kind == JqTokenKind.Keyword) && Text == op;
}
