using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>
/// What jq 1.7.1's parser takes as a constant (<c>block_is_const</c> after its constant folding): literals, strings
/// without interpolation, <c>$__loc__</c>, arrays and objects of constants, parentheses, and <c>+ - * / %</c> and the
/// comparisons of two constants, folded when they do not fail. jq refuses a constant
/// object key that is not a string when it parses the program (<c>{(1):2}</c>: "Cannot use number (1) as object
/// key", exit 3), so TrailSift must know the same constants.
/// </summary>
internal static class JqConstant
{
    /// <summary>The value of <paramref name="a"/> when jq's parser sees a constant, else null.</summary>
    public static JqValue? Of(JqAst a)
    {
        switch (a)
        {
            case LiteralAst l:
                return l.Value;
            case StringAst s when s.Parts.All(p => p is string):
                return new JqString(string.Concat(s.Parts.Cast<string>()));
            case ParenAst p:
                return Of(p.Body);
            case LocAst loc:
                {
                    var b = new JqObjectBuilder(2);
                    b.Set("file", new JqString("<top-level>"));
                    b.Set("line", JqNumber.Of(loc.Line));
                    return b.ToObject();
                }

            case ArrayAst { Body: null }:
                return JqArray.Empty;
            case ArrayAst { Body: { } body }:
                return ArrayOf(body);
            case ObjectAst o:
                return ObjectOf(o);
            case BinaryAst b:
                return Fold(b.Op, Of(b.Left), Of(b.Right));
            default:
                return null;
        }
    }

    /// <summary>jq's message for a constant key that is not a string, or null.</summary>
    public static string? KeyError(JqAst key) => Of(key) is { } v && v is not JqString
        ? $"Cannot use {v.TypeName} ({JqRuntimeException.Trunc(v)}) as object key"
        : null;

    private static JqArray? ArrayOf(JqAst body)
    {
        var items = new List<JqValue>();
        var pending = new Stack<JqAst>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            JqAst e = pending.Pop();
            if (e is CommaAst c)
            {
                pending.Push(c.Right);
                pending.Push(c.Left);
                continue;
            }

            if (Of(e) is not { } v)
            {
                return null;
            }

            items.Add(v);
        }

        return new JqArray(items);
    }

    private static JqObject? ObjectOf(ObjectAst o)
    {
        var b = new JqObjectBuilder(o.Entries.Count);
        foreach (ObjectEntryAst e in o.Entries)
        {
            if (e.Value is null || Of(e.Key) is not JqString key || Of(e.Value) is not { } value)
            {
                return null;
            }

            b.Set(key.Value, value);
        }

        return b.ToObject();
    }

    // jq 1.7.1's constant_fold: the operator's runtime function on two constants; a result that is an error is not a
    // constant (jq compiles it to raise the error when it runs).
    private static JqValue? Fold(string op, JqValue? a, JqValue? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        try
        {
            return op switch
            {
                "+" => JqOps.Add(a, b),
                "-" => JqOps.Subtract(a, b),
                "*" => JqOps.Multiply(a, b),
                "/" => JqOps.Divide(a, b),
                "%" => JqOps.Modulo(a, b),
                "==" => JqValue.FromBool(JqOrder.Compare(a, b) == 0),
                "!=" => JqValue.FromBool(JqOrder.Compare(a, b) != 0),
                "<" => JqValue.FromBool(JqOrder.Compare(a, b) < 0),
                ">" => JqValue.FromBool(JqOrder.Compare(a, b) > 0),
                "<=" => JqValue.FromBool(JqOrder.Compare(a, b) <= 0),
                ">=" => JqValue.FromBool(JqOrder.Compare(a, b) >= 0),
                _ => null,
            };
        }
        catch (JqRuntimeException)
        {
            return null;
        }
    }
}
