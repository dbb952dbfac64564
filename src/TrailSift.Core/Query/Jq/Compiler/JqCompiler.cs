using TrailSift.Core.Query.Jq.Builtins;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Compiler;

/// <summary>Resolves names and turns the AST into evaluation nodes.</summary>
internal sealed partial class JqCompiler
{
    private static readonly HashSet<string> AssignOps = ["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="];
    private readonly Dictionary<string, JqFunction>? _prelude;
    private readonly HashSet<string> _globals;

    /// <summary>A compiler; <paramref name="prelude"/> is set only while compiling the prelude itself.</summary>
    public JqCompiler(Dictionary<string, JqFunction>? prelude, IEnumerable<string> globals)
    {
        _prelude = prelude;
        _globals = new HashSet<string>(globals, StringComparer.Ordinal) { "ENV", "__prog_name" };
    }

    public JqNode CompileProgram(JqAst ast) => Compile(ast, null);

    public JqNode CompileFunctionBody(FuncDefAst d, JqScope? scope)
    {
        JqScope? s = scope;
        foreach (string p in d.Params)
        {
            s = JqScope.Push(s, JqScopeKind.Closure, p.TrimStart('$'));
        }

        foreach (string p in d.Params)
        {
            if (p.StartsWith('$'))
            {
                s = JqScope.Push(s, JqScopeKind.Var, p[1..]);
            }
        }

        return Compile(d.Body, s);
    }

    private JqNode Compile(JqAst ast, JqScope? s)
    {
        switch (ast)
        {
            case IdentityAst:
                return IdentityNode.Instance;
            case RecurseAst:
                return new RecurseNode();
            case ParenAst p:
                return Compile(p.Body, s);
            case IndexAst i:
                return new IndexNode(Compile(i.Target, s), Compile(i.Key, s));
            case SliceAst sl:
                return new SliceNode(Compile(sl.Target, s), sl.From is null ? null : Compile(sl.From, s), sl.To is null ? null : Compile(sl.To, s));
            case IterateAst it:
                return new IterateNode(Compile(it.Target, s));
            // jq's grammar: '?' right after .name, [e], [] or a slice makes that one operation optional (INDEX_OPT,
            // EACH_OPT): its own error backtracks, errors of the term before it and of what follows still propagate.
            case TryAst { Postfix: true, Catch: null, Body: IndexAst i }:
                return new IndexNode(Compile(i.Target, s), Compile(i.Key, s), optional: true);
            case TryAst { Postfix: true, Catch: null, Body: SliceAst sl }:
                return new SliceNode(Compile(sl.Target, s), sl.From is null ? null : Compile(sl.From, s), sl.To is null ? null : Compile(sl.To, s), optional: true);
            case TryAst { Postfix: true, Catch: null, Body: IterateAst it }:
                return new IterateNode(Compile(it.Target, s), optional: true);
            case TryAst t:
                return new TryNode(Compile(t.Body, s), t.Catch is null ? null : Compile(t.Catch, s));
            case LiteralAst l:
                return new LiteralNode(l.Value);
            case StringAst str:
                return new StringNode(str.Format, str.Parts.Select(p => p is JqAst a ? (object)Compile(a, s) : p).ToArray());
            case FormatAst f:
                return new FormatNode(f.Name);
            case ArrayAst a:
                return new ArrayNode(a.Body is null ? null : Compile(a.Body, s));
            case ObjectAst o:
                return CompileObject(o, s);
            case NegAst n:
                return new NegNode(Compile(n.Operand, s));
            case PipeAst p:
                return new PipeNode(Compile(p.Left, s), Compile(p.Right, s));
            case CommaAst c:
                return CompileComma(c, s);
            case BinaryAst b:
                return CompileBinary(b, s);
            case IfAst i:
                return new IfNode(Compile(i.Cond, s), Compile(i.Then, s), i.Else is null ? null : Compile(i.Else, s));
            case ReduceAst r:
                {
                    JqBinder binder = CompileBinder(r.Patterns, s, out JqScope? inner);
                    return new ReduceNode(Compile(r.Source, s), binder, Compile(r.Init, s), Compile(r.Update, inner));
                }

            case ForeachAst f:
                {
                    JqBinder binder = CompileBinder(f.Patterns, s, out JqScope? inner);
                    return new ForeachNode(Compile(f.Source, s), binder, Compile(f.Init, s), Compile(f.Update, inner),
                        f.Extract is null ? null : Compile(f.Extract, inner));
                }

            case FuncDefAst d:
                {
                    var fn = new JqFunction(d.Name, d.Params.Select(p => p.StartsWith('$')).ToArray());
                    JqScope? withFn = JqScope.Push(s, JqScopeKind.Function, d.Name, d.Params.Count, fn);
                    fn.Body = CompileFunctionBody(d, withFn);
                    return new FuncDefNode(fn, Compile(d.Rest, withFn));
                }

            case CallAst c:
                return CompileCall(c, s);
            case VarAst v:
                return CompileVar(v, s);
            case LocAst loc:
                {
                    var b = new JqObjectBuilder(2);
                    b.Set("file", new JqString("<top-level>"));
                    b.Set("line", JqNumber.Of(loc.Line));
                    return new LiteralNode(b.ToObject());
                }

            case BindAst bind:
                {
                    JqBinder binder = CompileBinder(bind.Patterns, s, out JqScope? inner);
                    return new BindNode(Compile(bind.Source, s), binder, Compile(bind.Body, inner));
                }

            case LabelAst lab:
                return new LabelNode(Compile(lab.Body, JqScope.Push(s, JqScopeKind.Label, lab.Name)));
            case BreakAst br:
                {
                    if (JqScope.Find(s, e => e.Kind == JqScopeKind.Label && e.Name == br.Name, out int depth) is null)
                    {
                        throw new JqParseException("$*label-" + br.Name + " is not defined", br.Pos);
                    }

                    return new BreakNode(depth);
                }

            default:
                throw new JqParseException("unsupported expression", ast.Pos);
        }
    }

    private JqNode CompileComma(CommaAst c, JqScope? s)
    {
        var items = new List<JqAst>();
        JqAst cur = c;
        while (cur is CommaAst cc)
        {
            items.Add(cc.Right);
            cur = cc.Left;
        }

        items.Add(cur);
        items.Reverse();
        return new CommaNode(items.Select(i => Compile(i, s)).ToArray());
    }

    private JqNode CompileBinary(BinaryAst b, JqScope? s)
    {
        if (b.Op == "and" || b.Op == "or")
        {
            return new AndOrNode(b.Op == "and", Compile(b.Left, s), Compile(b.Right, s));
        }

        if (b.Op == "//")
        {
            return new AlternativeNode(Compile(b.Left, s), Compile(b.Right, s));
        }

        if (AssignOps.Contains(b.Op))
        {
            return new AssignNode(b.Op, Compile(b.Left, s), Compile(b.Right, s));
        }

        return new BinaryNode(b.Op, Compile(b.Left, s), Compile(b.Right, s));
    }

    private JqNode CompileObject(ObjectAst o, JqScope? s)
    {
        var entries = new ObjectEntryNode[o.Entries.Count];
        for (int i = 0; i < entries.Length; i++)
        {
            ObjectEntryAst e = o.Entries[i];
            if (e.Key is VarAst v && e.Value is null)
            {
                entries[i] = new ObjectEntryNode(new LiteralNode(new JqString(v.Name)), CompileVar(v, s));
                continue;
            }

            entries[i] = new ObjectEntryNode(Compile(e.Key, s), e.Value is null ? null : Compile(e.Value, s));
        }

        return new ObjectNode(entries);
    }

    private JqNode CompileVar(VarAst v, JqScope? s)
    {
        if (JqScope.Find(s, e => e.Kind == JqScopeKind.Var && e.Name == v.Name, out int depth) is not null)
        {
            return new VarNode(depth);
        }

        if (_globals.Contains(v.Name))
        {
            return new GlobalVarNode(v.Name);
        }

        throw new JqParseException("$" + v.Name + " is not defined", v.Pos);
    }
}
