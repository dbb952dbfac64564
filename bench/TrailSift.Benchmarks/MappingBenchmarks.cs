using BenchmarkDotNet.Attributes;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Testing;

namespace TrailSift.Benchmarks;

/// <summary>
/// Single-thread event → permission mapping (<see cref="EventPermissionMapper.Map"/>) over realistic mixes, with the
/// plans already built (as after the first events of a scan): the first 20,000 events of the generated 1 GiB bench
/// trail, and every event of <c>../shared/corpus</c> (real trails of many services). One invocation maps the whole
/// mix; the report divides by its size.
/// </summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    private EventPermissionMapper _mapper = null!;
    private EventRecord[] _trail = [];
    private EventRecord[] _corpus = [];

    /// <summary>The events of each mix (empty when its files are absent).</summary>
    public static (EventRecord[] Trail, EventRecord[] Corpus) Mixes { get; } = Load();

    /// <summary>Takes the events and warms the mapper's plans, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_trail, _corpus) = Mixes;
        _mapper = new EventPermissionMapper(IamCatalog.Default);
        MapAll(_trail);
        MapAll(_corpus);
    }

    /// <summary>The bench trail's first events.</summary>
    [Benchmark(Baseline = true)]
    public int BenchTrail() => MapAll(_trail);

    /// <summary>The shared corpus.</summary>
    [Benchmark]
    public int SharedCorpus() => MapAll(_corpus);

    private int MapAll(EventRecord[] records)
    {
        int permissions = 0;
        foreach (EventRecord record in records)
        {
            permissions += _mapper.Map(record).Permissions.Length;
        }

        return permissions;
    }

    private static (EventRecord[], EventRecord[]) Load()
    {
        string? trail = MappingEvents.Trail();
        string? corpus = RepoPaths.Corpus;
        return (trail is null ? [] : MappingEvents.Read(trail, MappingEvents.TrailEvents),
            corpus is null ? [] : MappingEvents.Read(corpus, int.MaxValue));
    }
}
