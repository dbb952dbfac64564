namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>A destructuring pattern after <c>as</c>.</summary>
internal abstract record JqPattern(int Pos)
{
    public abstract override string ToString();

    public abstract void CollectNames(List<string> names);
}

internal sealed record VarPattern(int Pos, string Name) : JqPattern(Pos)
{
    public override string ToString() => "$" + Name;

    public override void CollectNames(List<string> names)
    {
        if (!names.Contains(Name))
        {
            names.Add(Name);
        }
    }
}

internal sealed record ArrayPattern(int Pos, IReadOnlyList<JqPattern> Elements) : JqPattern(Pos)
{
    public override string ToString() => "[" + string.Join(", ", Elements) + "]";

    public override void CollectNames(List<string> names)
    {
        foreach (JqPattern p in Elements)
        {
            p.CollectNames(names);
        }
    }
}

/// <summary>One entry of an object pattern: <c>$name</c> (KeyVar), <c>$name: p</c>, <c>key: p</c>, <c>"k": p</c>, <c>(e): p</c>.</summary>
internal sealed record ObjectPatternEntry(string? KeyVar, JqAst? Key, JqPattern? Value)
{
    public override string ToString()
    {
        string k = KeyVar is not null ? "$" + KeyVar : Key is LiteralAst or StringAst ? Key!.ToString() : "(" + Key + ")";
        return Value is null ? k : k + ": " + Value;
    }
}

internal sealed record ObjectPattern(int Pos, IReadOnlyList<ObjectPatternEntry> Entries) : JqPattern(Pos)
{
    public override string ToString() => "{" + string.Join(", ", Entries) + "}";

    public override void CollectNames(List<string> names)
    {
        foreach (ObjectPatternEntry e in Entries)
        {
            if (e.KeyVar is not null && !names.Contains(e.KeyVar))
            {
                names.Add(e.KeyVar);
            }

            e.Value?.CollectNames(names);
        }
    }
}
