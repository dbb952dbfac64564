namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>The sub-expressions of a jq syntax tree node (patterns' key expressions excepted).</summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static class JqAstChildren
{
    public static IEnumerable<JqAst> Of(JqAst a)
    {
        switch (a)
        {
            case IndexAst i:
                return [i.Target, i.Key];
            case SliceAst s:
                return new[] { s.Target, s.From, s.To }.OfType<JqAst>();
            case IterateAst it:
                return [it.Target];
            case TryAst t:
                return t.Catch is null ? [t.Body] : [t.Body, t.Catch];
            case StringAst str:
                return str.Parts.OfType<JqAst>();
            case ArrayAst arr:
                return arr.Body is null ? [] : [arr.Body];
            case ObjectAst o:
                return o.Entries.SelectMany(e => e.Value is null ? new[] { e.Key } : [e.Key, e.Value]);
            case NegAst n:
                return [n.Operand];
            case PipeAst p:
                return [p.Left, p.Right];
            case CommaAst c:
                return [c.Left, c.Right];
            case BinaryAst b:
                return [b.Left, b.Right];
            case ParenAst pa:
                return [pa.Body];
            case IfAst i:
                return new[] { i.Cond, i.Then, i.Else }.OfType<JqAst>();
            case ReduceAst r:
                return [r.Source, r.Init, r.Update];
            case ForeachAst f:
                return new[] { f.Source, f.Init, f.Update, f.Extract }.OfType<JqAst>();
            case FuncDefAst d:
                return [d.Body, d.Rest];
            case CallAst call:
                return call.Args;
            case BindAst bind:
                return [bind.Source, bind.Body];
            case LabelAst l:
                return [l.Body];
            default:
                return [];
        }
    }
}
