using System.Text;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Analysis.Usage;

// What the evaluator said about one request, kept per principal so that a repeated request costs a lookup.
public sealed partial class UsageCollector
{
    // Outcomes kept per principal and worker before the cache starts over: the calls that repeat (management calls,
    // requests on "*") are found again at once; those that never repeat (object keys) do not fill memory. On the 1 GiB
    // bench trail 512 costs no measurable CPU against 4,096 (24.0 s and 24.6 s user, one run each) and about 100 MiB less.
    private const int OutcomeCacheLimit = 512;

    private static readonly Comparer<StatementRef> ByPosition = Comparer<StatementRef>.Create(static (a, b) =>
        a.Policy != b.Policy ? a.Policy.CompareTo(b.Policy) : a.Statement.CompareTo(b.Statement));

    private readonly StringBuilder _key = new(256);
    private char[] _keyChars = new char[256];

    /// <summary>
    /// The key of an outcome: everything <see cref="CallChecker.BuildRequest"/> builds a request from that a principal's
    /// policies can read — the permission (action, resource, implied, instance profile, creating action), the event source
    /// (<c>iam:PassedToService</c>), the caller and its account, and per policy key its value, its known absence or its
    /// unknownness. The request's other values (the time, the source address, …) are read by no policy, so two calls with
    /// one key build requests the evaluator decides alike and that the replay keeps as one (<see cref="KeptRequest"/>). Only for
    /// principals whose policies read no resource tags: their requests do not depend on the tagging facts (see
    /// <see cref="UsageScope.NeedsLedger"/>).
    /// </summary>
    private ReadOnlySpan<char> OutcomeKey(ReplayContext context, RequiredPermission permission, string eventSource, IReadOnlyList<string> policyKeys)
    {
        StringBuilder key = _key.Clear();
        key.Append(permission.Action).Append('\u001f').Append(permission.Resource).Append('\u001f').Append(permission.Implied ? '1' : '0')
            .Append(permission.InstanceProfileArn is null ? '0' : '1').Append('\u001f').Append(permission.CreateAction)
            .Append('\u001f').Append(eventSource).Append('\u001f').Append(context.Principal).Append('\u001f').Append(context.PrincipalAccount);
        foreach (string policyKey in policyKeys)
        {
            key.Append('\u001e');
            if (context.Values.TryGetValue(policyKey, out ContextValue value))
            {
                key.Append('=').Append(value.Count);
                for (int i = 0; i < value.Count; i++)
                {
                    key.Append('\u001f').Append(value[i]);
                }
            }
            else
            {
                key.Append(context.IsKnown(policyKey) ? '!' : '?');
            }
        }

        if (_keyChars.Length < key.Length)
        {
            _keyChars = new char[key.Length * 2];
        }

        key.CopyTo(0, _keyChars, key.Length);
        return _keyChars.AsSpan(0, key.Length);
    }

    /// <summary>
    /// The request <see cref="CallChecker.BuildRequest"/> builds, restricted to what the principal's policies read: the
    /// same action, resource, caller and accounts, and per policy key the same value (the event's, or
    /// <c>iam:PassedToService</c> for an implied PassRole and <c>ec2:CreateAction</c> for tags given at creation, which
    /// override it) or the same unknownness; no other context value. The evaluator reads no other key, so it decides this
    /// request as it decides the full one, and the replay keeps the same <see cref="KeptRequest"/> — without copying and
    /// normalising every value the event shows. Only for principals whose policies read no resource tags (the tagging
    /// facts add values only for those keys).
    /// </summary>
    private RequestContext PolicyKeyRequest(ReplayContext context, RequiredPermission permission, string eventSource, IReadOnlyList<string> policyKeys)
    {
        string? passedTo = permission.Implied && permission.Action.Equals("iam:PassRole", StringComparison.OrdinalIgnoreCase)
            ? permission.InstanceProfileArn is null ? eventSource : "ec2.amazonaws.com"
            : null;
        var values = new List<KeyValuePair<string, ContextValue>>(policyKeys.Count);
        List<string>? unknown = null;
        foreach (string key in policyKeys)
        {
            if (passedTo is not null && key.Equals("iam:PassedToService", StringComparison.OrdinalIgnoreCase))
            {
                values.Add(new(key, passedTo));
            }
            else if (permission.CreateAction is { } createAction && key.Equals("ec2:CreateAction", StringComparison.OrdinalIgnoreCase))
            {
                values.Add(new(key, createAction));
            }
            else if (context.Values.TryGetValue(key, out ContextValue value))
            {
                values.Add(new(key, value));
            }
            else if (!context.IsKnown(key))
            {
                (unknown ??= []).Add(key);
            }
        }

        return _scope.Factory.Create(permission.Action, permission.Resource, context.Principal, values, unknown,
            principalAccount: context.PrincipalAccount);
    }

    /// <summary>The parts of an evaluation the usage records read.</summary>
    private sealed class Outcome
    {
        public Outcome(EvaluationResult result)
        {
            IsAllowed = result.IsDecidable && result.Decision == Decision.Allowed;
            CanAllow = result.PossibleDecisions.Contains(Decision.Allowed);
            Decision = result.IsDecidable ? result.Decision : Decision.ImplicitlyDenied;
            Undecidable = !result.IsDecidable;
            var matched = new SortedSet<StatementRef>(ByPosition);
            var maybe = new SortedSet<StatementRef>(ByPosition);
            foreach (StatementTrace trace in result.Trace)
            {
                if (IsAllowingIdentityStatement(trace))
                {
                    (trace.Outcome == MatchOutcome.Matched ? matched : maybe).Add(new StatementRef(trace.PolicyIndex, trace.StatementIndex));
                }
            }

            Matched = [.. matched];
            Maybe = [.. maybe];
        }

        /// <summary>Decidably allowed.</summary>
        public bool IsAllowed { get; }

        /// <summary>Allowed is one of the possible decisions.</summary>
        public bool CanAllow { get; }

        /// <summary>The decision, an undecidable one counting as implicitly denied.</summary>
        public Decision Decision { get; }

        /// <summary>Unknown keys could change the decision.</summary>
        public bool Undecidable { get; }

        /// <summary>Identity Allow statements that matched, by position.</summary>
        public StatementRef[] Matched { get; }

        /// <summary>Identity Allow statements that only may have (a condition read an unknown key), by position.</summary>
        public StatementRef[] Maybe { get; }

        /// <summary>For an allowed request: what the verification replay keeps of it.</summary>
        public KeptRequest? Kept { get; init; }
    }

    /// <summary>
    /// The sorted union of two sorted, distinct lists: either list itself when it holds the other (the usual case: no
    /// allocation), else a new one.
    /// </summary>
    private static T[] Union<T>(T[] mine, T[] other, IComparer<T> order)
    {
        if (ReferenceEquals(mine, other) || other.Length == 0)
        {
            return mine;
        }

        if (mine.Length == 0)
        {
            return other;
        }

        bool holds = true;
        foreach (T item in other)
        {
            holds &= Array.BinarySearch(mine, item, order) >= 0;
        }

        if (holds)
        {
            return mine;
        }

        var union = new SortedSet<T>(mine, order);
        union.UnionWith(other);
        return union.Count == other.Length ? other : [.. union];
    }
}
