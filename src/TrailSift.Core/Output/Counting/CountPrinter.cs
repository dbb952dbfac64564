using System.Text;
using System.Text.Json;
using TrailSift.Core.Analysis.Counting;

namespace TrailSift.Core.Output.Counting;

/// <summary>Prints <c>trailsift count</c>: the total, or the groups as a table, TSV, CSV, NDJSON or a JSON array.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class CountPrinter
{
    /// <summary>The total alone (no <c>--by</c>).</summary>
    public static void WriteTotal(TextWriter w, CountFormat format, long total)
    {
        switch (format)
        {
            case CountFormat.Ndjson:
            case CountFormat.Json:
                w.WriteLine($"{{\"count\":{total}}}");
                break;
            case CountFormat.Csv:
                w.WriteLine("count");
                w.WriteLine(total);
                break;
            default:
                w.WriteLine(total);
                break;
        }
    }

    /// <summary>The groups, with the key columns named <paramref name="names"/>.</summary>
    public static void WriteGroups(TextWriter w, CountFormat format, IReadOnlyList<string> names, IReadOnlyList<GroupCount> groups, bool color)
    {
        switch (format)
        {
            case CountFormat.Table:
                TableWriter.WriteTable(w, ["count", .. names], groups.Select(g => (string[])[g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. g.Display]), color);
                break;
            case CountFormat.Tsv:
                foreach (GroupCount g in groups)
                {
                    w.Write(g.Count);
                    foreach (string d in g.Display)
                    {
                        w.Write('\t');
                        w.Write(d.Replace('\t', ' ').Replace('\n', ' '));
                    }

                    w.Write('\n');
                }

                break;
            case CountFormat.Csv:
                TableWriter.WriteCsvLine(w, ["count", .. names]);
                foreach (GroupCount g in groups)
                {
                    TableWriter.WriteCsvLine(w, [g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. g.Display]);
                }

                break;
            default:
                bool array = format == CountFormat.Json;
                if (array)
                {
                    w.Write('[');
                }

                for (int i = 0; i < groups.Count; i++)
                {
                    if (array && i > 0)
                    {
                        w.Write(',');
                    }

                    w.Write(array ? "\n  " : string.Empty);
                    w.Write(GroupJson(names, groups[i]));
                    if (!array)
                    {
                        w.Write('\n');
                    }
                }

                if (array)
                {
                    w.Write(groups.Count > 0 ? "\n]\n" : "]\n");
                }

                break;
        }
    }

    private static string GroupJson(IReadOnlyList<string> names, GroupCount g)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            for (int i = 0; i < names.Count; i++)
            {
                json.WritePropertyName(names[i]);
                if (g.Key[i].IsString)
                {
                    json.WriteStringValue(g.Key[i].Text);
                }
                else
                {
                    json.WriteRawValue(g.Key[i].Text, skipInputValidation: true);
                }
            }

            json.WriteNumber("count", g.Count);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
