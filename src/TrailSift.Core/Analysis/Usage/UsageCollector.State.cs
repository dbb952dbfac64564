using System.Collections.Immutable;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

// Per-principal accumulation.
public sealed partial class UsageCollector
{
    private sealed class PrincipalState(CallChecker checker)
    {
        public CallChecker Checker { get; } = checker;

        public Dictionary<(string Action, string Resource), UseBuilder> Uses { get; } = [];

        public List<ObservedRequest> Allowed { get; } = [];

        public Dictionary<string, long> Unmapped { get; } = new(StringComparer.Ordinal);

        public long Calls { get; set; }

        /// <summary>(action, statement) → calls allowed, undecidable, denied at the time.</summary>
        public Dictionary<(string Action, StatementRef Ref), long[]> ActionCalls { get; } = [];

        public Dictionary<string, long> DataEvents { get; } = new(StringComparer.Ordinal);

        public void Count((string Action, StatementRef Ref) key, bool decided, bool deniedThen)
        {
            if (!ActionCalls.TryGetValue(key, out long[]? counts))
            {
                ActionCalls.Add(key, counts = new long[3]);
            }

            counts[decided ? 0 : 1]++;
            counts[2] += decided && deniedThen ? 1 : 0;
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

            Allowed.AddRange(other.Allowed);
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

    private sealed class UseBuilder(string action, string resource, string? resourceType)
    {
        private readonly SortedSet<string> _events = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _regions = new(StringComparer.Ordinal);
        private readonly SortedSet<StatementRef> _allowedBy = new(Comparer<StatementRef>.Create(static (a, b) =>
            a.Policy != b.Policy ? a.Policy.CompareTo(b.Policy) : a.Statement.CompareTo(b.Statement)));
        private long _calls, _denied, _implied, _first = long.MaxValue, _last = long.MinValue;
        private Decision _decision;
        private bool _undecidable, _any;

        public void Add(EvaluationResult result, bool implied, bool deniedThen, long ticks, string eventName, string region)
        {
            // One permission under one policy set: the same request shape decides the same way except for per-call keys,
            // so the weakest outcome wins (a denial is reported over an allow).
            Decision decision = result.IsDecidable ? result.Decision : Decision.ImplicitlyDenied;
            _decision = !_any ? decision : Weaker(_decision, decision);
            _undecidable |= !result.IsDecidable;
            _any = true;
            foreach (StatementTrace trace in result.Trace)
            {
                if (IsAllowingIdentityStatement(trace))
                {
                    _allowedBy.Add(new StatementRef(trace.PolicyIndex, trace.StatementIndex));
                }
            }

            _calls++;
            _denied += deniedThen ? 1 : 0;
            _implied += implied ? 1 : 0;
            _first = Math.Min(_first, ticks);
            _last = Math.Max(_last, ticks);
            _events.Add(eventName);
            if (region.Length > 0)
            {
                _regions.Add(region);
            }
        }

        public void Merge(UseBuilder other)
        {
            _decision = !_any ? other._decision : other._any ? Weaker(_decision, other._decision) : _decision;
            _any |= other._any;
            _undecidable |= other._undecidable;
            _allowedBy.UnionWith(other._allowedBy);
            _events.UnionWith(other._events);
            _regions.UnionWith(other._regions);
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
            AllowedBy = [.. _allowedBy],
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
