using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>The input stream a program reads with <c>input</c>/<c>inputs</c>, plus where the current input came from.</summary>
public interface IJqInputs
{
    /// <summary>The next input, or false when there is none.</summary>
    bool TryNext(out JqValue value);

    /// <summary>The current file name (null for stdin), as <c>input_filename</c> returns it.</summary>
    string? CurrentFileName { get; }

    /// <summary>The number of lines read so far in the current input (<c>input_line_number</c>).</summary>
    int CurrentLine { get; }
}
