using TrailSift.Core.Events;
using TrailSift.Core.Sources;

namespace TrailSift.Cli.Composition;

/// <summary>What a scanning command will do: which objects, which predicate, how many threads (stage two of argument handling).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record ScanPlan(
    SourceSet Sources,
    IEventPredicate Predicate,
    int Threads,
    bool Stats,
    bool Progress,
    string FilterText);
