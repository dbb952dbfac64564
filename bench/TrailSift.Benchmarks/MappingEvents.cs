using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;
using TrailSift.Testing;

namespace TrailSift.Benchmarks;

/// <summary>
/// The events the mapping benchmark maps, read once through the scanner and kept as independent records: the first
/// files of the generated 1 GiB bench trail (in path order, until <see cref="TrailEvents"/> events) and every event of
/// <c>../shared/corpus</c>. Also the <c>--mapping-digest</c> mode: every event of a tree mapped in order and the
/// <see cref="MappingDigest"/> of the results printed, to compare two builds of the mapper on a whole trail.
/// </summary>
internal static class MappingEvents
{
    /// <summary>How many events of the bench trail the mix takes.</summary>
    public const int TrailEvents = 20_000;

    /// <summary>The generated trail: <c>$BENCH_OUT/corpus-1G-100M-d7-s42</c> (default <c>/work/cache/bench-out</c>), else <c>bench/out</c>'s.</summary>
    public static string? Trail()
    {
        const string Corpus = "corpus-1G-100M-d7-s42";
        string? fromEnv = Environment.GetEnvironmentVariable("BENCH_OUT");
        foreach (string? root in new[] { fromEnv, "/work/cache/bench-out", Path.Combine(SampleRequests.Root, "bench", "out") })
        {
            if (root is not null && Directory.Exists(Path.Combine(root, Corpus)))
            {
                return Path.Combine(root, Corpus);
            }
        }

        return null;
    }

    /// <summary>The first <paramref name="limit"/> events of the trail at <paramref name="path"/>, in input order.</summary>
    public static EventRecord[] Read(string path, int limit)
    {
        IReadOnlyList<LogObject> files = new LocalSourceFinder(PruneOptions.None, static (_, _) => { }).Find([path]).Objects;
        var records = new List<EventRecord>();
        var scanner = new ParallelScanner { Threads = 1 };
        foreach (LogObject file in files)
        {
            records.AddRange(scanner.Run([file], new AnyEvent(), () => new Keeper(), new Ignore()).Sinks[0].Records);
            if (records.Count >= limit)
            {
                break;
            }
        }

        return [.. records.Take(limit)];
    }

    /// <summary>Maps every event under <paramref name="path"/> in input order; prints the count and the digest.</summary>
    public static void Digest(string path)
    {
        IReadOnlyList<LogObject> files = new LocalSourceFinder(PruneOptions.None, static (_, _) => { }).Find([path]).Objects;
        using var digest = new MappingDigest();
        var mapper = new EventPermissionMapper(Core.Iam.Catalog.IamCatalog.Default);
        new ParallelScanner { Threads = 1 }.Run(files, new AnyEvent(), () => new Mapping(mapper, digest), new Ignore());
        Console.WriteLine($"{digest.Count} events\t{digest.Hex()}");
    }

    private sealed class Keeper : IEventSink, ISequencedSink
    {
        public List<EventRecord> Records { get; } = [];

        public void Accept(EventRecord record) => Records.Add(record.Clone());

        public void BeginObject(int sequence, string path)
        {
        }

        public void EndObject(int sequence, string path)
        {
        }
    }

    private sealed class Mapping(EventPermissionMapper mapper, MappingDigest digest) : IEventSink, ISequencedSink
    {
        public void Accept(EventRecord record) => digest.Add(mapper.Map(record));

        public void BeginObject(int sequence, string path)
        {
        }

        public void EndObject(int sequence, string path)
        {
        }
    }

    private sealed class AnyEvent : IEventPredicate
    {
        public bool Matches(EventRecord record) => true;
    }

    private sealed class Ignore : IScanReporter
    {
        public void Report(string path, string reason)
        {
        }
    }
}
