using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query;

/// <summary>
/// What a parsed jq filter looks like, for choosing how <c>query</c> runs it: whether it reads <c>.Records</c>
/// or <c>input</c>/<c>inputs</c> (a jq program over whole documents), whether it has the streamable shape
/// <c>.Records[] | F</c>, the leading <c>select</c>s of <c>F</c>, and whether a bare filter can only be a projection.
/// </summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static class FilterShape
{
    /// <summary>True when the program indexes <c>.Records</c> anywhere.</summary>
    public static bool MentionsRecords(JqAst a) =>
        (a is IndexAst { Key: LiteralAst { Value: JqString { Value: "Records" } } }) || Children(a).Any(MentionsRecords);

    /// <summary>True when the program calls <c>input</c> or <c>inputs</c>.</summary>
    public static bool UsesInputs(JqAst a) =>
        (a is CallAst { Name: "input" or "inputs", Args.Count: 0 }) || Children(a).Any(UsesInputs);

    /// <summary>
    /// For <c>.Records[] | F</c> (or <c>.Records[]?</c>, <c>.[]</c>, or the walk alone), the per-event part <c>F</c>
    /// (identity for the bare walk); null for any other shape.
    /// </summary>
    public static JqAst? PerEventPart(JqAst a)
    {
        a = Unparen(a);
        if (IsRecordsWalk(a))
        {
            return new IdentityAst(a.Pos);
        }

        return a is PipeAst p && IsRecordsWalk(Unparen(p.Left)) ? p.Right : null;
    }

    /// <summary>The conditions of the leading <c>select(C)</c> stages of <paramref name="f"/>, in order.</summary>
    public static List<JqAst> LeadingSelects(JqAst f)
    {
        var list = new List<JqAst>();
        while (true)
        {
            f = Unparen(f);
            if (f is CallAst { Name: "select", Args: [JqAst only] })
            {
                list.Add(only);
                return list;
            }

            if (f is PipeAst { Left: var left } p && Unparen(left) is CallAst { Name: "select", Args: [JqAst c] })
            {
                list.Add(c);
                f = p.Right;
                continue;
            }

            return list;
        }
    }

    /// <summary>True when <paramref name="f"/> is a chain of <c>select</c>s only (it outputs its input or nothing).</summary>
    public static bool IsSelectChain(JqAst f)
    {
        f = Unparen(f);
        return f is IdentityAst
            || f is CallAst { Name: "select", Args.Count: 1 }
            || (f is PipeAst p && IsSelectChain(p.Left) && IsSelectChain(p.Right));
    }

    /// <summary>
    /// True when a bare filter can only be a projection: its last stage builds a value (object, array,
    /// string, number, format, arithmetic, slice) or is a path (<c>.eventName</c>, <c>.resources[]?.ARN</c>),
    /// which as a condition would only test truthiness.
    /// </summary>
    public static bool IsProjection(JqAst a)
    {
        a = Unparen(a);
        return a switch
        {
            PipeAst p => IsProjection(p.Right),
            CommaAst c => IsProjection(c.Left) && IsProjection(c.Right),
            BinaryAst { Op: "//" } b => IsProjection(b.Left) && IsProjection(b.Right),
            BinaryAst { Op: "+" or "-" or "*" or "/" or "%" } => true,
            ObjectAst or ArrayAst or StringAst or FormatAst or NegAst or SliceAst or RecurseAst => true,
            LiteralAst { Value.Kind: JqKind.Number or JqKind.String } => true,
            IndexAst or IterateAst => true,
            TryAst { Postfix: true, Body: var body } => IsProjection(body),
            _ => false,
        };
    }

    /// <summary>
    /// The top-level keys of its input that <paramref name="a"/> can read, when it reads the input only through
    /// <c>.key</c> steps (<c>{eventTime, arn: .userIdentity.arn}</c> reads eventTime and userIdentity); null when it
    /// may use the input as a whole (<c>.</c>, a call, <c>..</c>, a format, a computed key…).
    /// </summary>
    public static HashSet<string>? InputKeys(JqAst a)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        return AddInputKeys(a, keys) ? keys : null;
    }

    private static bool AddInputKeys(JqAst? a, HashSet<string> keys)
    {
        switch (a)
        {
            case null or LiteralAst or VarAst or LocAst:
                return true;
            case IndexAst { Target: IdentityAst, Key: LiteralAst { Value: JqString k } }:
                keys.Add(k.Value);
                return true;
            case IndexAst i:
                return i.Target is not IdentityAst && AddInputKeys(i.Target, keys) && AddInputKeys(i.Key, keys);
            case SliceAst s:
                return s.Target is not IdentityAst && AddInputKeys(s.Target, keys) && AddInputKeys(s.From, keys) && AddInputKeys(s.To, keys);
            case IterateAst it:
                return it.Target is not IdentityAst && AddInputKeys(it.Target, keys);
            case TryAst t:
                return AddInputKeys(t.Body, keys) && AddInputKeys(t.Catch, keys);
            case ParenAst p:
                return AddInputKeys(p.Body, keys);
            case PipeAst p:
                return AddInputKeys(p.Left, keys); // the right side reads the left side's outputs
            case CommaAst c:
                return AddInputKeys(c.Left, keys) && AddInputKeys(c.Right, keys);
            case BinaryAst { Op: "and" or "or" or "//" or "==" or "!=" or "<" or "<=" or ">" or ">=" or "+" or "-" or "*" or "/" or "%" } b:
                return AddInputKeys(b.Left, keys) && AddInputKeys(b.Right, keys); // not assignments: they output the whole input
            case NegAst n:
                return AddInputKeys(n.Operand, keys);
            case ArrayAst arr:
                return AddInputKeys(arr.Body, keys);
            case IfAst i:
                return AddInputKeys(i.Cond, keys) && AddInputKeys(i.Then, keys) && AddInputKeys(i.Else, keys);
            case StringAst { ExplicitFormat: false } str:
                return str.Parts.OfType<JqAst>().All(p => AddInputKeys(p, keys));
            case ObjectAst o:
                foreach (ObjectEntryAst e in o.Entries)
                {
                    if (e.Value is null)
                    {
                        if (e.Key is LiteralAst { Value: JqString k })
                        {
                            keys.Add(k.Value); // {eventName} reads .eventName
                        }
                        else if (e.Key is not VarAst)
                        {
                            return false;
                        }
                    }
                    else if (!AddInputKeys(e.Key, keys) || !AddInputKeys(e.Value, keys))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false; // identity, calls, .., formats, reduce, def, bindings: the whole input
        }
    }

    // .Records[] walks a CloudTrail file; .[] walks a file that is a bare array of events (the reader gives both as events).
    private static bool IsRecordsWalk(JqAst a) =>
        a is IterateAst { Target: IndexAst { Target: IdentityAst, Key: LiteralAst { Value: JqString { Value: "Records" } } } }
        || a is IterateAst { Target: IdentityAst }
        || (a is TryAst { Postfix: true, Body: var b } && IsRecordsWalk(Unparen(b)));

    private static JqAst Unparen(JqAst a)
    {
        while (a is ParenAst p)
        {
            a = p.Body;
        }

        return a;
    }

    private static IEnumerable<JqAst> Children(JqAst a) => JqAstChildren.Of(a);
}
