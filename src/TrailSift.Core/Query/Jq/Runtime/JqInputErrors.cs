using System.Text.Json;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>Turns a JSON reader error into a jq-style parse message (<c>reason at line L, column C</c>).</summary>
internal static class JqInputErrors
{
    public static string Describe(JsonException e)
    {
        string msg = e.Message;
        int cut = msg.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            msg = msg[..cut].TrimEnd();
        }

        msg = msg.TrimEnd('.');
        long line = (e.LineNumber ?? 0) + 1;
        long col = (e.BytePositionInLine ?? 0) + 1;
        return $"{msg} at line {line}, column {col}";
    }
}
