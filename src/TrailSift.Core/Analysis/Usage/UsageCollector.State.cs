using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Analysis.Usage;

// Per-principal accumulation.
public sealed partial class UsageCollector
{
    private sealed class PrincipalState(Func<CallChecker> checker)
    {
        private TextInterner? _strings;
        private CallChecker? _checker;

        /// <summary>The checker that builds this principal's requests during the scan (tagging facts not needed).</summary>
        public CallChecker Checker => _checker ??= checker();

        // One copy of each text the principal's allowed requests repeat.
        private TextInterner Strings => _strings ??= new();

        /// <summary>Uses by (action, resource).</summary>
        public UseTable Uses { get; } = new();

        /// <summary>Distinct allowed requests (<see cref="KeptRequest"/>'s equality).</summary>
        public Dictionary<KeptRequest, AllowedEntry> Allowed { get; } = [];

        public Dictionary<string, long> Unmapped { get; } = new(StringComparer.Ordinal);

        public long Calls { get; set; }

        /// <summary>(action, statement) → calls allowed, undecidable, denied at the time.</summary>
        public Dictionary<(string Action, StatementRef Ref), long[]> ActionCalls { get; } = [];

        public Dictionary<string, long> DataEvents { get; } = new(StringComparer.Ordinal);

        public void AddAllowed(KeptRequest request, string eventName, string eventId)
        {
            if (!Allowed.TryGetValue(request, out AllowedEntry? entry))
            {
                // Kept with one copy of each text the principal's requests repeat.
                KeptRequest shared = request.Shared(Strings);
                Allowed.Add(shared, new AllowedEntry(shared, eventName, eventId, 1));
                return;
            }

            if (string.CompareOrdinal(eventId, entry.EventId) < 0)
            {
                entry.Name(request.Shared(Strings), eventName, eventId);
            }

            entry.Count++;
        }

        public void AddUse(RequiredPermission permission, CallOutcome outcome, bool deniedThen, long ticks, string[] eventName, string[] region) =>
            Uses.Add(permission.Action, permission.Resource, permission.ResourceType, outcome.Decision, outcome.Undecidable, outcome.Matched,
                outcome.Maybe, permission.Implied, deniedThen, ticks, eventName, region);

        public void Count((string Action, StatementRef Ref) key, bool decided, bool deniedThen)
        {
            if (!ActionCalls.TryGetValue(key, out long[]? counts))
            {
                ActionCalls.Add(key, counts = new long[3]);
            }

            counts[decided ? 0 : 1]++;
            counts[2] += decided && deniedThen ? 1 : 0;
        }

        private void Add(KeptRequest signature, AllowedEntry request)
        {
            if (!Allowed.TryGetValue(signature, out AllowedEntry? mine))
            {
                Allowed.Add(signature, request);
                return;
            }

            mine.Name(request.Request, request.EventName, request.EventId);
            mine.Count += request.Count;
        }

        /// <summary>The scan is over: the checker and the interner are not needed any more (made again if asked for).</summary>
        public void EndScan() => (_checker, _strings) = (null, null);

        public void Merge(PrincipalState other)
        {
            Calls += other.Calls;
            foreach ((string prefix, long n) in other.DataEvents)
            {
                DataEvents[prefix] = DataEvents.GetValueOrDefault(prefix) + n;
            }

            foreach ((var key, long[] counts) in other.ActionCalls)
            {
                if (!ActionCalls.TryGetValue(key, out long[]? mine))
                {
                    ActionCalls.Add(key, mine = new long[3]);
                }

                for (int i = 0; i < 3; i++)
                {
                    mine[i] += counts[i];
                }
            }

            foreach ((KeptRequest signature, AllowedEntry request) in other.Allowed)
            {
                Add(signature, request);
            }
            foreach ((string name, long n) in other.Unmapped)
            {
                Unmapped[name] = Unmapped.GetValueOrDefault(name) + n;
            }

            Uses.Merge(other.Uses);
        }
    }

    /// <summary>A distinct allowed request while the scan counts it: an <see cref="ObservedRequest"/> updated in place.</summary>
    private sealed class AllowedEntry(KeptRequest request, string eventName, string eventId, long count)
    {
        public KeptRequest Request { get; set; } = request;

        public string EventName { get; set; } = eventName;

        public string EventId { get; set; } = eventId;

        public long Count { get; set; } = count;

        /// <summary>The first call by event id names the request, so the result does not depend on the workers' order.</summary>
        public void Name(KeptRequest request, string eventName, string eventId)
        {
            if (string.CompareOrdinal(eventId, EventId) < 0)
            {
                (Request, EventName, EventId) = (request, eventName, eventId);
            }
        }

        public ObservedRequest ToObserved() => new(Request.Request(), EventName, EventId, Count);
    }

    /// <summary>Feeds deferred calls back through the collector with the ledger-backed checkers.</summary>
    private sealed class DeferredCalls(UsageCollector collector, CallChecker?[] checkers) : IEventSink
    {
        public void Accept(EventRecord record) => collector.Observe(record, checkers);
    }
}
