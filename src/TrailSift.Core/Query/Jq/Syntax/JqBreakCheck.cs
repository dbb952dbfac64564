namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>
/// Refuses, when the program is compiled, the programs in which jq 1.7.1 would catch a <c>break</c> as an error. In jq
/// 1.7.1 <c>break $l</c> raises an error whose value is the label's (<c>{"__jq": N}</c>), so <c>try</c> (with or
/// without <c>catch</c>, and the postfix <c>?</c>) and <c>?//</c> catch it: <c>[label $f | try break $f catch .]</c> is
/// <c>[{"__jq":0}]</c>, and <c>?//</c> tries its next alternative when a break passes through it, even one raised
/// downstream (<c>first(. as [$a] ?// $b | …)</c> outputs once per alternative). TrailSift's break is not an error,
/// so it refuses, with a caret: a break that can leave a <c>try</c> body (written in it, in a function it calls, or
/// passed as an argument to a function with a <c>try</c>), and <c>?//</c> inside the scope of a label: a label's body,
/// an argument of a builtin jq implements with one (<c>first/1</c>, <c>limit</c>, <c>isempty</c>, <c>any/1,2</c>,
/// <c>all/1,2</c>, <c>IN</c>, <c>nth/2</c>, <c>map_values</c>, <c>walk</c>), the update of <c>|= += -= *= /= %= //=</c>
/// (and, conservatively, a function body or a function argument in a program that has any of these).
/// </summary>
internal static partial class JqBreakCheck
{
    private static readonly HashSet<string> LabelBuiltins = ["first/1", "limit/2", "isempty/1", "any/0", "any/1", "any/2", "all/0", "all/1", "all/2", "IN/1", "IN/2", "nth/2", "map_values/1", "walk/1"];
    private static readonly HashSet<string> Updates = ["|=", "+=", "-=", "*=", "/=", "%=", "//="];

    /// <summary>Throws <see cref="JqParseException"/> when <paramref name="root"/> is one of the refused programs.</summary>
    public static void Check(JqAst root)
    {
        var all = new List<JqAst>();
        var stack = new Stack<JqAst>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            JqAst a = stack.Pop();
            all.Add(a);
            foreach (JqAst c in JqAstChildren.Of(a))
            {
                stack.Push(c);
            }
        }

        CheckAlternatives(all);
        CheckTries(all);
    }

    // A break crosses a ?// only when the ?// runs inside the label's scope: in a label's body, in an argument of a
    // builtin jq implements with a label, or in the update of an update-assignment. A ?// in a function body or in an
    // argument of a program-defined function is refused as soon as the program has any of those (conservatively).
    private static void CheckAlternatives(List<JqAst> all)
    {
        var defined = new HashSet<string>(all.OfType<FuncDefAst>().Select(d => d.Name));
        HashSet<JqAst> unsafeErrors = UnsafeErrors(all, defined);
        if (unsafeErrors.Count == 0 && !all.Any(a => Alternative(a) is not null))
        {
            return;
        }

        string? anyBreaker = all.Select(Breaker).FirstOrDefault(n => n is not null);
        var stack = new Stack<(JqAst Node, string? Scope, bool Indirect)>();
        stack.Push((all[0], null, false));
        while (stack.Count > 0)
        {
            (JqAst node, string? scope, bool indirect) = stack.Pop();
            if (Alternative(node) is { } alternative && (scope ?? (indirect ? anyBreaker : null)) is { } breaker)
            {
                throw new JqParseException(
                    $"?// alternatives are not supported inside {breaker}: jq 1.7.1's ?// catches a break passing through it "
                    + "(a label's, or one that builtins such as first, limit and |= use) and tries the next alternative, which TrailSift does not reproduce",
                    alternative.Pos);
            }

            if (unsafeErrors.Contains(node) && (scope ?? (indirect ? anyBreaker : null)) is { } where)
            {
                throw UnsafeError(node.Pos, where);
            }

            switch (node)
            {
                case LabelAst l:
                    stack.Push((l.Body, "label $" + l.Name, indirect));
                    continue;
                case CallAst c when LabelBuiltins.Contains(c.Name + "/" + c.Args.Count):
                    c.Args.ToList().ForEach(arg => stack.Push((arg, c.Name + "/" + c.Args.Count, indirect)));
                    continue;
                case BinaryAst b when Updates.Contains(b.Op):
                    stack.Push((b.Left, scope, indirect));
                    stack.Push((b.Right, b.Op, indirect));
                    continue;
                case FuncDefAst d:
                    stack.Push((d.Body, scope, true));
                    stack.Push((d.Rest, scope, indirect));
                    continue;
                case CallAst c when defined.Contains(c.Name):
                    c.Args.ToList().ForEach(arg => stack.Push((arg, scope, true)));
                    continue;
            }

            foreach (JqAst child in JqAstChildren.Of(node))
            {
                stack.Push((child, scope, indirect));
            }
        }
    }

    private static JqPattern? Alternative(JqAst a) => a switch
    {
        BindAst b when b.Patterns.Count > 1 => b.Patterns[1],
        ReduceAst r when r.Patterns.Count > 1 => r.Patterns[1],
        ForeachAst f when f.Patterns.Count > 1 => f.Patterns[1],
        _ => null,
    };

    private static string? Breaker(JqAst a) => a switch
    {
        LabelAst l => "label $" + l.Name,
        CallAst c when LabelBuiltins.Contains(c.Name + "/" + c.Args.Count) => c.Name + "/" + c.Args.Count,
        BinaryAst b when Updates.Contains(b.Op) => b.Op,
        _ => null,
    };

    private static void CheckTries(List<JqAst> all)
    {
        var defs = all.OfType<FuncDefAst>().ToList();
        if (defs.Count == 0 && !all.Any(a => a is TryAst))
        {
            return;
        }

        // Functions whose body can raise a break to a label outside it, or that call one (by name, conservatively).
        var breaking = new HashSet<string>(defs.Where(d => EscapingBreak(d.Body) is not null).Select(d => d.Name));
        var catching = new HashSet<string>(defs.Where(d => Descendants(d.Body).Any(a => a is TryAst)).Select(d => d.Name));
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach (FuncDefAst d in defs)
            {
                var calls = Descendants(d.Body).OfType<CallAst>().Select(c => c.Name).ToList();
                grew |= !breaking.Contains(d.Name) && calls.Any(breaking.Contains) && breaking.Add(d.Name);
                grew |= !catching.Contains(d.Name) && calls.Any(catching.Contains) && catching.Add(d.Name);
            }
        }

        foreach (JqAst a in all)
        {
            if (a is TryAst t && (EscapingBreak(t.Body) is not null || Descendants(t.Body).OfType<CallAst>().Any(c => breaking.Contains(c.Name))))
            {
                throw Refused(t.Pos);
            }

            if (a is CallAst call && catching.Contains(call.Name) && call.Args.Select(EscapingBreak).OfType<BreakAst>().FirstOrDefault() is { } b)
            {
                throw Refused(b.Pos);
            }
        }
    }

    private static JqParseException Refused(int pos) => new(
        "a break that can leave a try (or ?) is not supported: jq 1.7.1 catches a break as an error there "
        + "(try break $l catch . is {\"__jq\": N}), which TrailSift does not reproduce", pos);

    // A break in a whose label is not declared inside a, or null.
    private static BreakAst? EscapingBreak(JqAst a)
    {
        var stack = new Stack<(JqAst Node, HashSet<string> Labels)>();
        stack.Push((a, []));
        while (stack.Count > 0)
        {
            (JqAst node, HashSet<string> labels) = stack.Pop();
            if (node is BreakAst b && !labels.Contains(b.Name))
            {
                return b;
            }

            HashSet<string> inner = node is LabelAst l ? [.. labels, l.Name] : labels;
            foreach (JqAst c in JqAstChildren.Of(node))
            {
                stack.Push((c, inner));
            }
        }

        return null;
    }

    private static IEnumerable<JqAst> Descendants(JqAst a)
    {
        var stack = new Stack<JqAst>();
        stack.Push(a);
        while (stack.Count > 0)
        {
            JqAst n = stack.Pop();
            yield return n;
            foreach (JqAst c in JqAstChildren.Of(n))
            {
                stack.Push(c);
            }
        }
    }
}
