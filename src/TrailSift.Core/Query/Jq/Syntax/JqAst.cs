using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>A jq expression; <see cref="object.ToString"/> prints it back as jq source that parses to the same tree.</summary>
internal abstract record JqAst(int Pos)
{
    public abstract override string ToString();
}

internal sealed record IdentityAst(int Pos) : JqAst(Pos)
{
    public override string ToString() => ".";
}

internal sealed record RecurseAst(int Pos) : JqAst(Pos)
{
    public override string ToString() => "..";
}

/// <summary><c>T[K]</c>, <c>T.name</c>, <c>T."name"</c>.</summary>
internal sealed record IndexAst(int Pos, JqAst Target, JqAst Key) : JqAst(Pos)
{
    public override string ToString() => Key is LiteralAst { Value: JqString s } && IsIdent(s.Value)
        ? (Target is IdentityAst ? "." + s.Value : Target + "." + s.Value)
        : (Target is IdentityAst ? ".[" + Key + "]" : Target + "[" + Key + "]");

    internal static bool IsIdent(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

internal sealed record SliceAst(int Pos, JqAst Target, JqAst? From, JqAst? To) : JqAst(Pos)
{
    public override string ToString() => (Target is IdentityAst ? "." : Target.ToString()) + "[" + From + ":" + To + "]";
}

internal sealed record IterateAst(int Pos, JqAst Target) : JqAst(Pos)
{
    public override string ToString() => (Target is IdentityAst ? "." : Target.ToString()) + "[]";
}

/// <summary><c>try B catch H</c>, or <c>B?</c> when <see cref="Postfix"/>.</summary>
internal sealed record TryAst(int Pos, JqAst Body, JqAst? Catch, bool Postfix) : JqAst(Pos)
{
    public override string ToString() => Postfix ? Body + "?" : "try " + Paren(Body) + (Catch is null ? string.Empty : " catch " + Paren(Catch));

    internal static string Paren(JqAst a) => a is ParenAst ? a.ToString() : "(" + a + ")";
}

internal sealed record LiteralAst(int Pos, JqValue Value) : JqAst(Pos)
{
    public override string ToString() => Value is JqNumber { Value: < 0 } || (Value is JqNumber n && double.IsNegative(n.Value)) ? "(" + Value + ")" : Value.ToString();
}

/// <summary>A string with interpolations, under a format (<c>text</c> for plain strings).</summary>
internal sealed record StringAst(int Pos, string Format, IReadOnlyList<object> Parts, bool ExplicitFormat) : JqAst(Pos)
{
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        if (ExplicitFormat)
        {
            sb.Append('@').Append(Format).Append(' ');
        }

        sb.Append('"');
        foreach (object p in Parts)
        {
            if (p is string s)
            {
                string j = JqJsonWriter.ToJson(new JqString(s));
                sb.Append(j, 1, j.Length - 2);
            }
            else
            {
                sb.Append("\\(").Append(p).Append(')');
            }
        }

        return sb.Append('"').ToString();
    }
}

internal sealed record FormatAst(int Pos, string Name) : JqAst(Pos)
{
    public override string ToString() => "@" + Name;
}

internal sealed record ArrayAst(int Pos, JqAst? Body) : JqAst(Pos)
{
    public override string ToString() => "[" + Body + "]";
}

internal sealed record ObjectEntryAst(JqAst Key, JqAst? Value)
{
    public override string ToString()
    {
        string k = Key switch
        {
            LiteralAst { Value: JqString s } when IndexAst.IsIdent(s.Value) => s.Value,
            LiteralAst or StringAst => Key.ToString(),
            VarAst v when Value is null => v.ToString(),
            _ => "(" + Key + ")",
        };
        return Value is null ? k : k + ": " + ObjValue(Value);
    }

    private static string ObjValue(JqAst v) => v is PipeAst p ? ObjValue(p.Left) + " | " + ObjValue(p.Right) : IsTerm(v) ? v.ToString() : "(" + v + ")";

    internal static bool IsTerm(JqAst v) => v is IdentityAst or RecurseAst or IndexAst or SliceAst or IterateAst or LiteralAst or StringAst or FormatAst
        or ArrayAst or ObjectAst or CallAst or VarAst or ParenAst or ReduceAst or ForeachAst or IfAst or LocAst or BreakAst
        || v is TryAst { Postfix: true };
}

internal sealed record ObjectAst(int Pos, IReadOnlyList<ObjectEntryAst> Entries) : JqAst(Pos)
{
    public override string ToString() => "{" + string.Join(", ", Entries) + "}";
}

internal sealed record NegAst(int Pos, JqAst Operand) : JqAst(Pos)
{
    public override string ToString() => "-" + TryAst.Paren(Operand);
}

internal sealed record PipeAst(int Pos, JqAst Left, JqAst Right) : JqAst(Pos)
{
    public override string ToString() => Left + " | " + Right;
}

internal sealed record CommaAst(int Pos, JqAst Left, JqAst Right) : JqAst(Pos)
{
    public override string ToString() => Left + ", " + Right;
}

/// <summary>A binary operator other than <c>|</c> and <c>,</c>: arithmetic, comparison, <c>and</c>, <c>or</c>, <c>//</c>, assignments.</summary>
internal sealed record BinaryAst(int Pos, string Op, JqAst Left, JqAst Right) : JqAst(Pos)
{
    public override string ToString() => TryAst.Paren(Left) + " " + Op + " " + TryAst.Paren(Right);
}

/// <summary>Parentheses kept for printing (they do not change evaluation).</summary>
internal sealed record ParenAst(int Pos, JqAst Body) : JqAst(Pos)
{
    public override string ToString() => TryAst.Paren(Body);
}

internal sealed record IfAst(int Pos, JqAst Cond, JqAst Then, JqAst? Else) : JqAst(Pos)
{
    public override string ToString() => "if " + Cond + " then " + Then + (Else is null ? string.Empty : " else " + Else) + " end";
}

internal sealed record ReduceAst(int Pos, JqAst Source, IReadOnlyList<JqPattern> Patterns, JqAst Init, JqAst Update) : JqAst(Pos)
{
    public override string ToString() => "reduce " + Source + " as " + string.Join(" ?// ", Patterns) + " (" + Init + "; " + Update + ")";
}

internal sealed record ForeachAst(int Pos, JqAst Source, IReadOnlyList<JqPattern> Patterns, JqAst Init, JqAst Update, JqAst? Extract) : JqAst(Pos)
{
    public override string ToString() =>
        "foreach " + Source + " as " + string.Join(" ?// ", Patterns) + " (" + Init + "; " + Update + (Extract is null ? string.Empty : "; " + Extract) + ")";
}

internal sealed record FuncDefAst(int Pos, string Name, IReadOnlyList<string> Params, JqAst Body, JqAst Rest) : JqAst(Pos)
{
    public override string ToString() =>
        "def " + Name + (Params.Count == 0 ? string.Empty : "(" + string.Join("; ", Params) + ")") + ": " + Body + "; " + Rest;
}

internal sealed record CallAst(int Pos, string Name, IReadOnlyList<JqAst> Args) : JqAst(Pos)
{
    public override string ToString() => Args.Count == 0 ? Name : Name + "(" + string.Join("; ", Args) + ")";
}

internal sealed record VarAst(int Pos, string Name) : JqAst(Pos)
{
    public override string ToString() => "$" + Name;
}

internal sealed record LocAst(int Pos, int Line) : JqAst(Pos)
{
    public override string ToString() => "$__loc__";
}

internal sealed record BindAst(int Pos, JqAst Source, IReadOnlyList<JqPattern> Patterns, JqAst Body) : JqAst(Pos)
{
    public override string ToString() => Source + " as " + string.Join(" ?// ", Patterns) + " | " + Body;
}

internal sealed record LabelAst(int Pos, string Name, JqAst Body) : JqAst(Pos)
{
    public override string ToString() => "label $" + Name + " | " + Body;
}

internal sealed record BreakAst(int Pos, string Name) : JqAst(Pos)
{
    public override string ToString() => "break $" + Name;
}
