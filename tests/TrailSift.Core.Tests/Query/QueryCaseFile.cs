namespace TrailSift.Core.Tests.Query;

/// <summary>
/// Reads the jq-test style case format used by tests/data/query/*.cases and the docs: blocks separated
/// by blank lines; a block is a filter line followed by pairs of (input JSON line, true|false), or
/// <c>%%FAIL</c>, a filter line, the expected message and optionally the expected caret line.
/// Lines starting with '#' are comments.
/// </summary>
public static class QueryCaseFile
{
    public static List<QueryCase> Read(string name, IReadOnlyList<string> lines)
    {
        var cases = new List<QueryCase>();
        int i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Trim().Length == 0 || lines[i].StartsWith('#'))
            {
                i++;
                continue;
            }

            int start = i;
            var block = new List<string>();
            while (i < lines.Count && lines[i].Trim().Length > 0)
            {
                if (!lines[i].StartsWith('#'))
                {
                    block.Add(lines[i]);
                }

                i++;
            }

            string id = $"{name}:{start + 1}";
            if (block[0].Trim() == "%%FAIL")
            {
                if (block.Count < 3)
                {
                    throw new FormatException($"{id}: a %%FAIL block needs a filter and a message");
                }

                cases.Add(new QueryCase(id, block[1], null, false, block[2], block.Count > 3 ? block[3] : null));
                continue;
            }

            if (block.Count < 3 || (block.Count - 1) % 2 != 0)
            {
                throw new FormatException($"{id}: expected a filter then (input, true|false) pairs");
            }

            for (int k = 1; k < block.Count; k += 2)
            {
                string expected = block[k + 1].Trim();
                if (expected is not ("true" or "false"))
                {
                    throw new FormatException($"{name}:{start + k + 2}: expected true or false, found '{expected}'");
                }

                string caseId = block.Count == 3 ? id : $"{id}#{(k + 1) / 2}";
                cases.Add(new QueryCase(caseId, block[0], block[k], expected == "true", null, null));
            }
        }

        return cases;
    }
}
