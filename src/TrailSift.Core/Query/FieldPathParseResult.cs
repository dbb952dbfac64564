namespace TrailSift.Core.Query;

/// <summary>The result of <see cref="FieldPath.Parse"/>: a path, or an error with its position.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class FieldPathParseResult
{
    private FieldPathParseResult(FieldPath? path, QueryError? error)
    {
        Path = path;
        Error = error;
    }

    /// <summary>True when the text is a valid field path.</summary>
    public bool Success => Path is not null;

    /// <summary>The path, when <see cref="Success"/>.</summary>
    public FieldPath? Path { get; }

    /// <summary>The problem, when not <see cref="Success"/>.</summary>
    public QueryError? Error { get; }

    internal static FieldPathParseResult Ok(FieldPath path) => new(path, null);

    internal static FieldPathParseResult Fail(QueryError error) => new(null, error);
}
