namespace TrailSift.Core.Query.Jq.Values;

/// <summary>null, true or false.</summary>
internal sealed class JqAtom(JqKind kind) : JqValue
{
    public override JqKind Kind { get; } = kind;
}
