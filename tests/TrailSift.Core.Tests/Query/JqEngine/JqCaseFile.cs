using TrailSift.Testing;

namespace TrailSift.Core.Tests.Query.JqEngine;

/// <summary>One case of a jq test file: a program, an input and expected outputs, or a program that must not compile.</summary>
public sealed record JqCase(string File, int Line, string Program, string? Input, IReadOnlyList<string> Expected, bool MustFail)
{
    public string Id => $"{File}:{Line}";
}

/// <summary>Reads jq's own test format (tests/data/jq/*.test): program / input / outputs, blank lines between cases, %%FAIL blocks.</summary>
public static class JqCaseFile
{
    public static IEnumerable<JqCase> Load(string fileName)
    {
        string path = Path.Combine(RepoPaths.TestData, "jq", fileName);
        string[] lines = File.ReadAllLines(path);
        int i = 0;
        while (i < lines.Length)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                i++;
                continue;
            }

            int start = i + 1;
            var block = new List<string>();
            while (i < lines.Length && lines[i].Length > 0)
            {
                block.Add(lines[i]);
                i++;
            }

            if (block[0].StartsWith("%%FAIL", StringComparison.Ordinal))
            {
                yield return new JqCase(fileName, start, block[1], null, block.Skip(2).ToList(), true);
            }
            else
            {
                yield return new JqCase(fileName, start, block[0], block[1], block.Skip(2).ToList(), false);
            }
        }
    }
}
