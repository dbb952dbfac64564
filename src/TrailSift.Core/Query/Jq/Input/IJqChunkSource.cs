namespace TrailSift.Core.Query.Jq.Input;

/// <summary>Where jq's input bytes come from, in the chunks jq reads them in (a line at most, never across files).</summary>
public interface IJqChunkSource
{
    /// <summary>
    /// Reads the next chunk into <paramref name="buffer"/> (valid until the next call) and returns whether the input
    /// has ended (no file left and the last one read to its end). Called again after the end, it returns an empty chunk.
    /// </summary>
    bool ReadMore(out byte[] buffer, out int length);
}
