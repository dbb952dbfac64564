using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

// Per-principal accumulation.
public sealed partial class UsageCollector
{
    private sealed class PrincipalState(Func<CallChecker> checker)
    {
        private CallChecker? _checker;

        /// <summary>The checker that builds this principal's requests during the scan (tagging facts not needed).</summary>
        public CallChecker Checker => _checker ??= checker();

        public Dictionary<(string Action, string Resource), UseBuilder> Uses { get; } = [];

        /// <summary>Distinct allowed requests (<see cref="KeptRequest"/>'s equality).</summary>
        public Dictionary<KeptRequest, AllowedEntry> Allowed { get; } = [];

        public Dictionary<string, long> Unmapped { get; } = new(StringComparer.Ordinal);

        public long Calls { get; set; }

        /// <summary>(action, statement) → calls allowed, undecidable, denied at the time.</summary>
        public Dictionary<(string Action, StatementRef Ref), long[]> ActionCalls { get; } = [];

        public Dictionary<string, long> DataEvents { get; } = new(StringComparer.Ordinal);

        public void AddAllowed(KeptRequest request, string eventName, string eventId)
        {
            ref AllowedEntry? entry = ref CollectionsMarshal.GetValueRefOrAddDefault(Allowed, request, out _);
            if (entry is null)
            {
                entry = new AllowedEntry(request, eventName, eventId, 1);
                return;
            }

            entry.Name(request, eventName, eventId);
            entry.Count++;
        }

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

            foreach ((var key, UseBuilder use) in other.Uses)
            {
                if (Uses.TryGetValue(key, out UseBuilder? mine))
                {
                    mine.Merge(use);
                }
                else
                {
                    Uses.Add(key, use);
                }
            }
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

    private sealed class UseBuilder(string action, string resource, string? resourceType)
    {
        // Sorted, distinct; usually one element: then the collector's shared single-element list.
        private string[] _events = [];
        private string[] _regions = [];

        // Statements that allowed a call decidedly (their conditions held), and those that only may have, by position.
        private StatementRef[] _matched = [];
        private StatementRef[] _maybe = [];
        private long _calls, _denied, _implied, _first = long.MaxValue, _last = long.MinValue;
        private Decision _decision;
        private bool _undecidable, _any;

        // eventName, region: single-element lists (a region may be the empty string: not recorded).
        public void Add(CallOutcome outcome, bool implied, bool deniedThen, long ticks, string[] eventName, string[] region)
        {
            // One permission under one policy set: the same request shape decides the same way except for per-call keys,
            // so the weakest outcome wins (a denial is reported over an allow).
            _decision = !_any ? outcome.Decision : Weaker(_decision, outcome.Decision);
            _undecidable |= outcome.Undecidable;
            _any = true;
            _matched = Union(_matched, outcome.Matched, ByPosition);
            _maybe = Union(_maybe, outcome.Maybe, ByPosition);
            _calls++;
            _denied += deniedThen ? 1 : 0;
            _implied += implied ? 1 : 0;
            _first = Math.Min(_first, ticks);
            _last = Math.Max(_last, ticks);
            _events = Union(_events, eventName, StringComparer.Ordinal);
            if (region[0].Length > 0)
            {
                _regions = Union(_regions, region, StringComparer.Ordinal);
            }
        }

        public void Merge(UseBuilder other)
        {
            _decision = !_any ? other._decision : other._any ? Weaker(_decision, other._decision) : _decision;
            _any |= other._any;
            _undecidable |= other._undecidable;
            _matched = Union(_matched, other._matched, ByPosition);
            _maybe = Union(_maybe, other._maybe, ByPosition);
            _events = Union(_events, other._events, StringComparer.Ordinal);
            _regions = Union(_regions, other._regions, StringComparer.Ordinal);

            _calls += other._calls;
            _denied += other._denied;
            _implied += other._implied;
            _first = Math.Min(_first, other._first);
            _last = Math.Max(_last, other._last);
        }

        public PermissionUse Build() => new()
        {
            Action = action,
            Resource = resource,
            ResourceType = resourceType,
            Decision = _decision,
            Undecidable = _undecidable,
            AllowedBy = [.. _matched, .. _maybe.Except(_matched)],
            Calls = _calls,
            DeniedAtTheTime = _denied,
            Implied = _implied == _calls,
            FirstTicks = _first,
            LastTicks = _last,
            EventNames = [.. _events],
            Regions = [.. _regions],
        };

        private static Decision Weaker(Decision a, Decision b) =>
            a == Decision.ExplicitlyDenied || b == Decision.ExplicitlyDenied ? Decision.ExplicitlyDenied
            : a == Decision.ImplicitlyDenied || b == Decision.ImplicitlyDenied ? Decision.ImplicitlyDenied
            : Decision.Allowed;
    }
}
