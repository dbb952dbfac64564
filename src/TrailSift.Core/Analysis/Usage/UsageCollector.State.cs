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
    private sealed class PrincipalState
    {
        private readonly Func<CallChecker> _makeChecker;
        private CallChecker? _checker;

        public PrincipalState(Func<CallChecker> checker)
        {
            _makeChecker = checker;
            Allowed = new AllowedTable(Uses.Resources);
        }

        /// <summary>The checker that builds this principal's requests during the scan (tagging facts not needed).</summary>
        public CallChecker Checker => _checker ??= _makeChecker();

        /// <summary>Uses by (action, resource).</summary>
        public UseTable Uses { get; } = new();

        /// <summary>Distinct allowed requests (<see cref="KeptRequest"/>'s equality).</summary>
        public AllowedTable Allowed { get; }

        public Dictionary<string, long> Unmapped { get; } = new(StringComparer.Ordinal);

        public long Calls { get; set; }

        /// <summary>(action, statement) → calls allowed, undecidable, denied at the time.</summary>
        public Dictionary<(string Action, StatementRef Ref), long[]> ActionCalls { get; } = [];

        public Dictionary<string, long> DataEvents { get; } = new(StringComparer.Ordinal);

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

        /// <summary>The scan is over: the checker and the interner are not needed any more (made again if asked for).</summary>
        public void EndScan()
        {
            _checker = null;
            Allowed.EndScan();
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

            Allowed.Merge(other.Allowed);
            foreach ((string name, long n) in other.Unmapped)
            {
                Unmapped[name] = Unmapped.GetValueOrDefault(name) + n;
            }

            Uses.Merge(other.Uses);
        }
    }

    /// <summary>Feeds deferred calls back through the collector with the ledger-backed checkers, each made on its principal's first call.</summary>
    private sealed class DeferredCalls(UsageCollector collector, CallChecker?[] checkers, TagLedger frozen) : IEventSink
    {
        public void Accept(EventRecord record) => collector.Observe(record, this);

        /// <summary>The checker of principal <paramref name="index"/> with the frozen facts if its policies read resource tags, else null.</summary>
        public CallChecker? Checker(int index) =>
            collector._scope.NeedsLedger[index] ? checkers[index] ??= UsageCollector.Checker(collector._scope, index, frozen) : null;
    }
}
