using System.Collections.Frozen;
using TrailSift.Core.Query.Evaluation;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Query;

/// <summary>
/// Checks a parsed filter before it is compiled: every call names a supported builtin with the right
/// number of arguments, and literal regexes and flags of <c>test</c> are valid. After binding,
/// compilation cannot fail.
/// </summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static class Binder
{
    /// <summary>The supported builtins, by name, with their argument counts.</summary>
    internal static readonly FrozenDictionary<string, int[]> Signatures = new Dictionary<string, int[]>(StringComparer.Ordinal)
    {
        ["select"] = [1], ["not"] = [0], ["empty"] = [0], ["length"] = [0], ["type"] = [0],
        ["ascii_downcase"] = [0], ["ascii_upcase"] = [0], ["any"] = [0], ["all"] = [0],
        ["contains"] = [1], ["startswith"] = [1], ["endswith"] = [1], ["has"] = [1],
        ["ltrimstr"] = [1], ["rtrimstr"] = [1], ["test"] = [1, 2],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Returns the first problem in <paramref name="expr"/>, or null.</summary>
    public static QueryError? Bind(string text, Expr expr) => expr switch
    {
        CallExpr call => BindCall(text, call),
        BinaryExpr b => Bind(text, b.Left) ?? Bind(text, b.Right),
        FieldExpr f => Bind(text, f.Target),
        IndexExpr i => Bind(text, i.Target) ?? Bind(text, i.Key),
        IterateExpr it => Bind(text, it.Target),
        TryExpr t => Bind(text, t.Body),
        NegateExpr n => Bind(text, n.Operand),
        ArrayExpr { Body: Expr body } => Bind(text, body),
        ObjectExpr o => BindObject(text, o),
        _ => null,
    };

    private static QueryError? BindObject(string text, ObjectExpr o)
    {
        foreach (ObjectEntry e in o.Entries)
        {
            if (e.Key is LiteralExpr { Kind: not LiteralKind.String } bad)
            {
                return new QueryError(text, bad.Position, $"cannot use {bad} as an object key");
            }

            if ((Bind(text, e.Key) ?? Bind(text, e.Value)) is QueryError error)
            {
                return error;
            }
        }

        return null;
    }

    private static QueryError? BindCall(string text, CallExpr call)
    {
        if (!Signatures.TryGetValue(call.Name, out int[]? arities))
        {
            return new QueryError(text, call.Position, $"function '{call.Signature}' is not supported");
        }

        if (Array.IndexOf(arities, call.Arguments.Length) < 0)
        {
            string takes = string.Join(" or ", Array.ConvertAll(arities, a => $"{call.Name}/{a}"));
            return new QueryError(text, call.Position, $"'{call.Signature}' is not supported; use {takes}");
        }

        foreach (Expr arg in call.Arguments)
        {
            if (Bind(text, arg) is QueryError error)
            {
                return error;
            }
        }

        return call.Name == "test" ? BindTest(text, call) : null;
    }

    private static QueryError? BindTest(string text, CallExpr call)
    {
        if (call.Arguments[0] is not LiteralExpr { Kind: LiteralKind.String } pattern)
        {
            return null;
        }

        string flags = string.Empty;
        if (call.Arguments.Length == 2)
        {
            switch (call.Arguments[1])
            {
                case LiteralExpr { Kind: LiteralKind.String } f:
                    if (RegexFactory.ValidateFlags(f.Text, out _, out _) is string flagError)
                    {
                        return new QueryError(text, f.Position, flagError);
                    }

                    flags = f.Text;
                    break;
                case LiteralExpr { Kind: LiteralKind.Null }:
                    break;
                default:
                    return null;
            }
        }

        RegexFactory.CompiledRegex compiled = RegexFactory.Create(pattern.Text, flags);
        return compiled.Regex is null ? new QueryError(text, pattern.Position, compiled.Error!) : null;
    }
}
