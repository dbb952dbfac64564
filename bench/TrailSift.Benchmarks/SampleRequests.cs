using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Json;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;

namespace TrailSift.Benchmarks;

/// <summary>
/// The requests `trailsift check` evaluates for one principal of samples/emr-launch: every permission of every call,
/// built by the same path (<see cref="EventContextReader"/>, the tag ledger, <see cref="CallChecker"/>'s request
/// builder with the policy set's keys marked unknown where the event cannot show them).
/// </summary>
internal static class SampleRequests
{
    public static string Root { get; } = FindRoot();

    public static PolicyDocument Policy(string path)
    {
        PolicyParseResult parsed = PolicyParser.Parse(File.ReadAllText(path));
        return parsed.Document ?? throw new InvalidOperationException($"{path}: {string.Join("; ", parsed.Diagnostics)}");
    }

    public static RequestContext[] Build(PolicySet policies, string principal)
    {
        IReadOnlyList<LogObject> files = new LocalSourceFinder(PruneOptions.None, static (_, _) => { })
            .Find([Path.Combine(Root, "samples", "emr-launch")]).Objects;
        var scanner = new ParallelScanner { Threads = 1 };
        TagLedger ledger = scanner.Run(files, new AnyEvent(), () => new TagLedger(), new Quiet()).Sinks[0];
        ledger.Freeze();
        var checker = new CallChecker(policies, ledger, EventPermissionMapper.Default, CatalogRequestFactory.Default);
        return [.. scanner.Run(files, new PrincipalPredicate(principal), () => new Collector(checker), new Quiet()).Sinks[0].Requests];
    }

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "TrailSift.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("TrailSift.slnx not found above " + AppContext.BaseDirectory);
    }

    private sealed class Collector(CallChecker checker) : IEventSink, ISequencedSink
    {
        public List<RequestContext> Requests { get; } = [];

        public void Accept(EventRecord record)
        {
            EventPermissions mapped = EventPermissionMapper.Default.Map(record);
            ReplayContext context = EventContextReader.Read(record);
            if (mapped.Status != MappingStatus.Mapped || context.Principal is null)
            {
                return;
            }

            string source = record.EventSource.Kind == JsonKind.String ? record.EventSource.GetString() : string.Empty;
            foreach (RequiredPermission permission in mapped.Permissions.AddRange(mapped.Implied))
            {
                Requests.Add(checker.BuildRequest(context, permission, source));
            }
        }

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

    private sealed class Quiet : IScanReporter
    {
        public void Report(string path, string reason) => throw new InvalidOperationException($"{path}: {reason}");
    }
}
