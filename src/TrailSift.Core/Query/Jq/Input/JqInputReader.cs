using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Input;

/// <summary>
/// jq's input loop: feeds the chunks of a <see cref="IJqChunkSource"/> to a <see cref="JqTextParser"/> and returns the
/// values, parse errors and the end of the input exactly when jq 1.7.1 does (a value is returned as soon as its last
/// byte is parsed; in a sequence, text dropped after the last chunk is read ends the input, as in jq).
/// </summary>
public sealed class JqInputReader(IJqChunkSource source, bool seq = false)
{
    private readonly JqTextParser _parser = new(seq);

    /// <summary>
    /// Whether the values are being slurped (<c>-s</c>): jq's slurping loop goes on while the last buffer has bytes left,
    /// where its one-value loop stops at the end of the input.
    /// </summary>
    public bool Slurp { get; set; }

    /// <summary>The next value (<see cref="JqTextParser.Result.Value"/>), a parse error, or the end.</summary>
    public JqTextParser.Result Next(out JqValue value, out string? error)
    {
        error = null;
        bool isLast = false;
        bool hasMore = false;
        do
        {
            if (_parser.Remaining == 0)
            {
                isLast = source.ReadMore(out byte[] buffer, out int length);
                _parser.SetBuffer(buffer, 0, length, !isLast);
            }

            JqTextParser.Result r = _parser.Next(out value);
            hasMore = Slurp && _parser.Remaining > 0;
            if (r == JqTextParser.Result.Error)
            {
                error = _parser.Error;
            }

            if (r != JqTextParser.Result.None)
            {
                return r;
            }
        }
        while (!isLast || hasMore);

        return JqTextParser.Result.None;
    }
}
