using System.Text;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Query.Evaluation;

/// <summary>Turns a bound filter tree into <see cref="QNode"/>s, choosing in-place nodes for the common shapes.</summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static class Compiler
{
    public static QNode Compile(Expr expr) => expr switch
    {
        IdentityExpr => IdentityNode.Instance,
        FieldExpr or IndexExpr => CompilePath(expr),
        IterateExpr it => new IterateNode(Compile(it.Target), it.Optional),
        TryExpr t => new TryNode(Compile(t.Body)),
        LiteralExpr lit => new LiteralNode(Constant(lit)),
        NegateExpr { Operand: LiteralExpr { Kind: LiteralKind.Number } n } => new LiteralNode(Value.Number(-n.Number)),
        NegateExpr neg => new NegateNode(Compile(neg.Operand)),
        ArrayExpr arr => new ArrayNode(arr.Body is null ? null : Compile(arr.Body)),
        ObjectExpr obj => CompileObject(obj),
        BinaryExpr bin => CompileBinary(bin),
        CallExpr call => CompileCall(call),
        _ => throw new InvalidOperationException($"Cannot compile {expr.GetType().Name}."),
    };

    public static Value Constant(LiteralExpr lit) => lit.Kind switch
    {
        LiteralKind.Null => Value.Null,
        LiteralKind.False => Value.False,
        LiteralKind.True => Value.True,
        LiteralKind.Number => Value.Number(lit.Number),
        _ => Value.String(lit.Text),
    };

    // .a.b[0]."c" from one base: a single PathNode; any other base is piped into it.
    private static QNode CompilePath(Expr expr)
    {
        var steps = new List<PathStep>();
        Expr current = expr;
        while (true)
        {
            if (current is FieldExpr { Optional: false } f)
            {
                steps.Add(new PathStep(Encoding.UTF8.GetBytes(f.Name), default));
                current = f.Target;
            }
            else if (current is IndexExpr { Optional: false, Key: LiteralExpr { Kind: LiteralKind.String or LiteralKind.Number } key } ix)
            {
                steps.Add(new PathStep(null, Constant(key)));
                current = ix.Target;
            }
            else
            {
                break;
            }
        }

        if (steps.Count == 0)
        {
            return expr switch
            {
                FieldExpr f => new IndexNode(Compile(f.Target), new LiteralNode(Value.String(f.Name)), f.Optional),
                IndexExpr ix => new IndexNode(Compile(ix.Target), Compile(ix.Key), ix.Optional),
                _ => throw new InvalidOperationException("not a path"),
            };
        }

        steps.Reverse();
        var path = new PathNode([.. steps], current is IdentityExpr ? FirstName(steps) : null);
        return current is IdentityExpr ? path : new PipeNode(Compile(current), path);
    }

    private static string? FirstName(List<PathStep> steps) =>
        steps[0].Name is byte[] name ? Encoding.UTF8.GetString(name) : null;

    // Whether a try (postfix '?' on a non-path) occurs anywhere in the tree.
    private static bool ContainsTry(Expr e) => e switch
    {
        TryExpr => true,
        FieldExpr f => ContainsTry(f.Target),
        IndexExpr i => ContainsTry(i.Target) || ContainsTry(i.Key),
        IterateExpr it => ContainsTry(it.Target),
        NegateExpr n => ContainsTry(n.Operand),
        ArrayExpr { Body: Expr body } => ContainsTry(body),
        BinaryExpr b => ContainsTry(b.Left) || ContainsTry(b.Right),
        CallExpr c => c.Arguments.Any(ContainsTry),
        ObjectExpr o => o.Entries.Any(x => ContainsTry(x.Key) || ContainsTry(x.Value)),
        _ => false,
    };

    private static QNode CompileObject(ObjectExpr obj)
    {
        var entries = new (QNode, QNode)[obj.Entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = (Compile(obj.Entries[i].Key), Compile(obj.Entries[i].Value));
        }

        return new ObjectNode(entries);
    }

    private static QNode CompileBinary(BinaryExpr bin)
    {
        switch (bin.Operator)
        {
            case BinaryOperator.Pipe:
                return new PipeNode(Compile(bin.Left), Compile(bin.Right), ContainsTry(bin.Left));
            case BinaryOperator.Comma:
                return new CommaNode(Compile(bin.Left), Compile(bin.Right));
            case BinaryOperator.Alternative:
                return new AlternativeNode(Compile(bin.Left), Compile(bin.Right));
            case BinaryOperator.And:
            case BinaryOperator.Or:
                return new LogicalNode(bin.Operator == BinaryOperator.And, Compile(bin.Left), Compile(bin.Right));
        }

        QNode left = Compile(bin.Left), right = Compile(bin.Right);
        if (bin.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual)
        {
            bool negate = bin.Operator == BinaryOperator.NotEqual;
            if (bin.Right is LiteralExpr { Kind: LiteralKind.String } rs && left.IsSingle)
            {
                return new StringEqualsNode(left, Encoding.UTF8.GetBytes(rs.Text), negate);
            }

            if (bin.Left is LiteralExpr { Kind: LiteralKind.String } ls && right.IsSingle)
            {
                return new StringEqualsNode(right, Encoding.UTF8.GetBytes(ls.Text), negate);
            }
        }

        return new CompareNode(bin.Operator, left, right);
    }

    private static QNode CompileCall(CallExpr call)
    {
        switch (call.Name)
        {
            case "select": return new SelectNode(Compile(call.Arguments[0]));
            case "empty": return EmptyNode.Instance;
            case "not": return new UnaryFunctionNode(Builtin.Not);
            case "length": return new UnaryFunctionNode(Builtin.Length);
            case "type": return new UnaryFunctionNode(Builtin.Type);
            case "ascii_downcase": return new UnaryFunctionNode(Builtin.AsciiDowncase);
            case "ascii_upcase": return new UnaryFunctionNode(Builtin.AsciiUpcase);
            case "any": return new UnaryFunctionNode(Builtin.Any);
            case "all": return new UnaryFunctionNode(Builtin.All);
        }

        Expr arg = call.Arguments[0];
        string? literal = arg is LiteralExpr { Kind: LiteralKind.String } s ? s.Text : null;
        switch (call.Name)
        {
            case "contains" when literal is not null:
                return new ContainsLiteralNode(Encoding.UTF8.GetBytes(literal));
            case "startswith" when literal is not null:
                return new AffixLiteralNode(Encoding.UTF8.GetBytes(literal), end: false);
            case "endswith" when literal is not null:
                return new AffixLiteralNode(Encoding.UTF8.GetBytes(literal), end: true);
            case "test":
                return CompileTest(call, literal);
        }

        Builtin f = call.Name switch
        {
            "contains" => Builtin.Contains,
            "startswith" => Builtin.StartsWith,
            "endswith" => Builtin.EndsWith,
            "has" => Builtin.Has,
            "ltrimstr" => Builtin.LTrimStr,
            _ => Builtin.RTrimStr,
        };
        return new ArgumentFunctionNode(f, Compile(arg));
    }

    private static QNode CompileTest(CallExpr call, string? pattern)
    {
        if (pattern is not null)
        {
            string? flags = call.Arguments.Length == 1 ? string.Empty : call.Arguments[1] switch
            {
                LiteralExpr { Kind: LiteralKind.String } f => f.Text,
                LiteralExpr { Kind: LiteralKind.Null } => string.Empty,
                _ => null,
            };
            if (flags is not null)
            {
                RegexFactory.CompiledRegex compiled = RegexFactory.Create(pattern, flags);
                return new TestLiteralNode(compiled.Regex!, compiled.NonEmpty); // the binder checked it compiles
            }
        }

        return call.Arguments.Length == 1
            ? new ArgumentFunctionNode(Builtin.Test1, Compile(call.Arguments[0]))
            : new TestFunctionNode(Compile(call.Arguments[0]), Compile(call.Arguments[1]));
    }
}
