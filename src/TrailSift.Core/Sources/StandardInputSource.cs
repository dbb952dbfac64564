namespace TrailSift.Core.Sources;

/// <summary>Standard input, named <c>-</c> (anywhere among the paths), and the input when no path is given.</summary>
/// <remarks>Immutable; thread-safe. Its one object can be read once.</remarks>
public sealed class StandardInputSource : ILogSource
{
    /// <summary>The name shown in messages.</summary>
    public const string DisplayName = "<stdin>";

    private readonly Stream _stdin;

    /// <summary>Creates the source over the process's standard input (or a test's stream).</summary>
    public StandardInputSource(Stream stdin)
    {
        _stdin = stdin;
    }

    /// <inheritdoc />
    public bool CanReadTwice => false;

    /// <inheritdoc />
    public bool Claims(string argument) => argument == "-";

    /// <inheritdoc />
    public IAsyncEnumerable<LogObject> ListAsync(string argument, SourceScope scope, CancellationToken cancel)
    {
        scope.Listed();
        Stream stdin = _stdin;
        LogObject one = new(DisplayName, null, () => stdin) { IsStandardInput = true, CanReadTwice = false };
        return new[] { one }.ToAsyncEnumerable();
    }
}
