using System.Text;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Input;

/// <summary>jq's whole-text parses: one value (<c>fromjson</c>, <c>tonumber</c>, <c>--argjson</c>) and a file of values (<c>--slurpfile</c>).</summary>
public sealed partial class JqTextParser
{
    private const int FileChunk = 4096;

    /// <summary>
    /// Exactly one JSON text, as jq's <c>jv_parse_sized</c> reads it: the value, or null with jq's message
    /// ("Expected JSON value", "Unexpected extra JSON values", or the parse error).
    /// </summary>
    public static JqValue? ParseOne(ReadOnlySpan<byte> text, out string? error)
    {
        error = null;
        var p = new JqTextParser();
        p.SetBuffer(text.ToArray(), 0, text.Length, partial: false);
        Result r = p.Next(out JqValue value);
        if (r == Result.Value)
        {
            Result more = p.Next(out _);
            if (more == Result.Value)
            {
                error = "Unexpected extra JSON values";
                return null;
            }

            if (more == Result.Error)
            {
                error = p.Error;
                return null;
            }

            return value;
        }

        error = r == Result.Error ? p.Error : "Expected JSON value";
        return null;
    }

    /// <summary><see cref="ParseOne(ReadOnlySpan{byte}, out string?)"/> of a string, the error as jq words it for <c>fromjson</c>: "MESSAGE (while parsing 'TEXT')".</summary>
    public static JqValue? ParseText(string text, out string? error)
    {
        JqValue? v = ParseOne(Encoding.UTF8.GetBytes(text), out error);
        if (error is not null)
        {
            // jq formats the text as a C string: it ends at the first NUL.
            int nul = text.IndexOf('\0', StringComparison.Ordinal);
            error = $"{error} (while parsing '{(nul >= 0 ? text[..nul] : text)}')";
        }

        return v;
    }

    /// <summary>
    /// The JSON texts of a file, as jq's <c>jv_load_file</c> reads them (4 KiB reads; the input ends with the read that
    /// comes back short): the values, or null with the first parse error.
    /// </summary>
    public static List<JqValue>? ParseFile(byte[] bytes, out string? error)
    {
        error = null;
        var values = new List<JqValue>();
        var p = new JqTextParser();
        for (int at = 0; at < bytes.Length; at += FileChunk)
        {
            int n = Math.Min(FileChunk, bytes.Length - at);
            p.SetBuffer(bytes, at, n, partial: n == FileChunk);
            Result r;
            while ((r = p.Next(out JqValue v)) == Result.Value)
            {
                values.Add(v);
            }

            if (r == Result.Error)
            {
                error = p.Error;
                return null;
            }
        }

        return values;
    }
}
