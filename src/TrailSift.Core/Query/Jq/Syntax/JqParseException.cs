namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>A jq program that cannot be compiled: the reason and the offset of the offending text.</summary>
public sealed class JqParseException(string reason, int offset, JqParseException? next = null) : Exception(reason)
{
    /// <summary>A further error jq reports after this one (jq prints "N compile errors"), or null.</summary>
    public JqParseException? Next { get; } = next;

    /// <summary>How many errors this one and its <see cref="Next"/> chain hold.</summary>
    public int Count => 1 + (Next?.Count ?? 0);

    /// <summary>The reason, without position.</summary>
    public string Reason { get; } = reason;

    /// <summary>Character offset in the program text.</summary>
    public int Offset { get; } = offset;

    /// <summary>A message with the line, the offending line of source and a caret under the offset.</summary>
    public string Render(string source)
    {
        int off = Math.Clamp(Offset, 0, source.Length);
        int lineStart = source.LastIndexOf('\n', Math.Max(0, off - 1)) + 1;
        if (off == 0)
        {
            lineStart = 0;
        }

        int lineEnd = source.IndexOf('\n', off);
        if (lineEnd < 0)
        {
            lineEnd = source.Length;
        }

        int line = 1;
        for (int i = 0; i < lineStart; i++)
        {
            if (source[i] == '\n')
            {
                line++;
            }
        }

        int col = off - lineStart;
        return $"{Reason} at <top-level>, line {line}, column {col + 1}:\n{source[lineStart..lineEnd]}\n{new string(' ', col)}^";
    }
}
