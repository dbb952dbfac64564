using TrailSift.Core.Events;
using TrailSift.Core.Query;
using TrailSift.Core.Sources;

namespace TrailSift.Cli.Composition;

/// <summary>What a scanning command will do: which inputs, which predicate, how many threads (stage two of argument handling).</summary>
/// <remarks>Immutable; thread-safe. The inputs are listed when the scan runs (<see cref="ScanRunner"/>), not before.</remarks>
public sealed record ScanPlan(
    SourceRegistry Sources,
    IReadOnlyList<string> Inputs,
    PruneOptions Prune,
    IEventPredicate Predicate,
    int Threads,
    bool Stats,
    bool Progress,
    string FilterText)
{
    /// <summary>Objects listed and opened ahead of the workers, apart from <see cref="Threads"/>: <c>--io</c>, else <c>--s3-concurrency</c> for <c>s3://</c> inputs, else 16.</summary>
    public int IoConcurrency { get; init; } = 16;

    /// <summary>The parsed filter (a condition, or for <c>query</c> a jq program).</summary>
    public EventFilter Filter { get; init; } = EventFilter.All;

    /// <summary>Follow symbolic links to directories (<c>--follow</c>).</summary>
    public bool FollowLinks { get; init; }

    /// <summary>The <c>--since</c>/<c>--until</c> window with the span of event times it saw, when a window was given.</summary>
    public WindowSpan? Window { get; init; }

    /// <summary>True when every input can be read twice (standard input cannot).</summary>
    public bool CanReadTwice => Sources.CanReadTwice(Inputs);
}
