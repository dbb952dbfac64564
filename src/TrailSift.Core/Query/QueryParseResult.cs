namespace TrailSift.Core.Query;

/// <summary>The result of <see cref="EventQuery.Parse"/>: a query, or an error with its position.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class QueryParseResult
{
    private QueryParseResult(EventQuery? query, QueryError? error)
    {
        Query = query;
        Error = error;
    }

    /// <summary>True when the filter parsed and bound.</summary>
    public bool Success => Query is not null;

    /// <summary>The parsed query, when <see cref="Success"/>.</summary>
    public EventQuery? Query { get; }

    /// <summary>The problem, when not <see cref="Success"/>.</summary>
    public QueryError? Error { get; }

    internal static QueryParseResult Ok(EventQuery query) => new(query, null);

    internal static QueryParseResult Fail(QueryError error) => new(null, error);
}
