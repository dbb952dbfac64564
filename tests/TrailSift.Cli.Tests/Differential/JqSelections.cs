using System.IO.Compression;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Differential;

/// <summary>What jq prints for each filter: the selected events in input order, keys sorted, compact.</summary>
internal static class JqSelections
{
    // How jq users read each file format: the Records of a CloudTrail file, the elements of a bare
    // array, any other value as one event (NDJSON is a stream of values to jq).
    private const string EachEvent = "if type == \"object\" and has(\"Records\") then .Records[] elif type == \"array\" then .[] else . end";

    /// <summary>Runs every filter through jq over <paramref name="files"/>, read in this order.</summary>
    public static Selections Select(IReadOnlyList<DifferentialFilter> filters, IReadOnlyList<string> files)
    {
        // One jq pass for all filters (parsing the corpus once per filter would dominate the run):
        // for each event, a string of verdicts such as "0110", then the event itself.
        string verdicts = string.Join(",\n", filters.Select(f => Jq.SelectsEvent(f.Text)));
        string program = $"{EachEvent} | ([{verdicts}] | map(if . then \"1\" else \"0\" end) | add), .";
        IReadOnlyList<string> lines = Jq.Run(["-S", "-c", program], input => WriteDecoded(files, input))
            .LinesOrFail($"{files.Count} input files");

        var selected = filters.Select(_ => new List<string>()).ToList();
        for (int i = 0; i + 1 < lines.Count; i += 2)
        {
            string verdict = lines[i].Trim('"');
            Assert.True(verdict.Length == filters.Count, $"jq printed `{lines[i]}` where a verdict string was expected");
            for (int f = 0; f < filters.Count; f++)
            {
                if (verdict[f] == '1')
                {
                    selected[f].Add(lines[i + 1]);
                }
            }
        }

        return new Selections(selected, lines.Count / 2);
    }

    // Like `zcat -f`: gzip files decompressed, other files as they are; a newline keeps files apart.
    private static void WriteDecoded(IReadOnlyList<string> files, Stream input)
    {
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            if (bytes is [0x1f, 0x8b, ..])
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                gzip.CopyTo(input);
            }
            else
            {
                input.Write(bytes);
            }

            input.WriteByte((byte)'\n');
        }
    }
}

/// <summary>The events selected by each filter (in filter order), and how many events the inputs hold.</summary>
internal sealed record Selections(IReadOnlyList<IReadOnlyList<string>> ByFilter, int EventCount);
