namespace TrailSift.Core.Tests.Analysis.Denied;

/// <summary>
/// Reads <c>.cases</c> data files: a case starts with <c>### name</c> and holds <c>key: value</c> lines
/// (keys may repeat); <c>#</c> lines and blank lines outside values are comments.
/// </summary>
internal sealed class CaseFile
{
    private CaseFile(string name, int line, List<KeyValuePair<string, string>> fields)
    {
        Name = name;
        Line = line;
        Fields = fields;
    }

    public string Name { get; }

    public int Line { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    public string? Get(string key)
    {
        foreach (KeyValuePair<string, string> f in Fields)
        {
            if (f.Key == key)
            {
                return f.Value;
            }
        }

        return null;
    }

    public string Require(string key) => Get(key) ?? throw new InvalidDataException($"case '{Name}' (line {Line}) has no '{key}'");

    public IEnumerable<string> All(string key)
    {
        foreach (KeyValuePair<string, string> f in Fields)
        {
            if (f.Key == key)
            {
                yield return f.Value;
            }
        }
    }

    /// <summary>"&lt;null&gt;" means null.</summary>
    public static string? NullIfMarker(string? value) => value == "<null>" ? null : value;

    public override string ToString() => $"{Name} (line {Line})";

    /// <summary>The case names of a file, for <c>[MemberData]</c> (names keep test output readable).</summary>
    public static TheoryData<string> Names(IReadOnlyList<CaseFile> cases)
    {
        var data = new TheoryData<string>();
        foreach (CaseFile c in cases)
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static CaseFile Find(IReadOnlyList<CaseFile> cases, string name)
    {
        foreach (CaseFile c in cases)
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        throw new InvalidOperationException("no case " + name);
    }

    public static IReadOnlyList<CaseFile> Load(string path)
    {
        var cases = new List<CaseFile>();
        string[] lines = File.ReadAllLines(path);
        string? name = null;
        int start = 0;
        List<KeyValuePair<string, string>> fields = [];
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    cases.Add(new CaseFile(name, start, fields));
                }

                name = line[4..].Trim();
                start = i + 1;
                fields = [];
                continue;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (name is null || colon <= 0)
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected 'key: value' inside a case");
            }

            fields.Add(new(line[..colon], line[(colon + 2)..]));
        }

        if (name is not null)
        {
            cases.Add(new CaseFile(name, start, fields));
        }

        return cases;
    }
}
