using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// The scan sink of <c>unused</c>, read once (standard input included): every event (selected or context) feeds the
/// input's <see cref="InputCoverage"/> and the tagging facts (<see cref="TagLedger"/>); each selected call by a principal
/// in the scope (authentication failures, permissionless calls, non-API events and calls by AWS services left out) is
/// mapped to the permissions it needed, with the role behind an instance profile for an implied <c>iam:PassRole</c>,
/// built into requests as <c>check</c> builds them, evaluated against the principal's current policies with a trace,
/// and recorded: which Allow statements granted each permission, per (action, resource) and per distinct request.
/// </summary>
/// <remarks>
/// Not thread-safe: one per scan worker; <see cref="Complete"/> merges the workers. A principal's state exists once it
/// made a call; its requests are evaluated once per class of requests its policies treat alike, per worker
/// (<see cref="RequestJudge"/>: the resource counts only through which Resource/NotResource entries match it; bounded).
/// Memory is per principal with calls, permission and distinct request, not per event — except for a principal whose policies read resource tags
/// (<see cref="UsageScope.NeedsLedger"/>): its calls are kept as raw bytes, compressed (<see cref="PackedEvents"/>), and
/// judged once the tagging facts of the whole input are known. The scope is shared read-only.
/// </remarks>
public sealed partial class UsageCollector : IContextSink, ISequencedSink
{
    private static readonly TagLedger NoTags = FrozenEmptyLedger();
    private readonly UsageScope _scope;
    // Created on a principal's first call in this worker: most principals of an account make none.
    private readonly PrincipalState?[] _states;
    private readonly RequestJudge?[] _judges;
    private readonly Dictionary<string, int> _targets = new(StringComparer.Ordinal);
    private PackedEvents _deferred = new();
    private int _deferredCount;

    // Per call, reused: the permissions seen, and the (action, statement) pairs that allowed it decidedly or possibly.
    private readonly CallPermissionSet _seen = new();
    private readonly HashSet<(string, StatementRef)> _decided = [];
    private readonly HashSet<(string, StatementRef)> _possible = [];

    // Event names and regions, one string and one single-element list each (they repeat on every call, and most
    // permissions see one of each); bounded against hostile input.
    private readonly Dictionary<string, string[]> _interned = new(StringComparer.Ordinal);
    private readonly TextInterner _text = new();

    // The same, and the scope index of each caller key, per string instance (the interner's and the text cache's
    // strings recur as one instance each): no hashing of their characters on most calls.
    private readonly InstanceMemo<string[]> _internedByInstance = new(256);
    private readonly InstanceMemo<int> _targetByInstance = new(256);

    // The call being judged's context, read into one instance per worker (nothing keeps it past the call).
    private readonly ReplayContext _context = new();

    /// <summary>Creates a collector.</summary>
    public UsageCollector(UsageScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _scope = scope;
        _states = new PrincipalState?[scope.Principals.Length];
        _judges = new RequestJudge?[scope.Principals.Length];
    }

    /// <summary>The events the collector needs besides the selected ones: every event (coverage and tagging facts).</summary>
    public static IEventPredicate ContextEvents => EveryEventPredicate.Instance;

    /// <summary>What the input covers.</summary>
    public CoverageCollector Coverage { get; } = new();

    /// <summary>The tagging facts this worker saw (empty once <see cref="Complete"/> has merged them to judge the deferred calls).</summary>
    public TagLedger Ledger { get; private set; } = new();

    /// <summary>Calls kept to be judged after the scan (principals whose policies read resource tags).</summary>
    public int Deferred => _deferredCount + _deferred.Count;

    /// <inheritdoc />
    public void BeginObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void EndObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Ledger.Accept(record);
        Coverage.Accept(record);
        Observe(record, null);
    }

    /// <inheritdoc />
    public void AcceptContext(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Ledger.Accept(record);
        Coverage.Accept(record);
    }

    /// <summary>
    /// Ends a scan: merges the workers' tagging facts and freezes them, judges each worker's deferred calls against them
    /// (in parallel), and merges everything into the first worker, which it returns.
    /// </summary>
    public static UsageCollector Complete(IReadOnlyList<UsageCollector> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        UsageCollector first = workers[0];
        // The facts go into the worker's ledger that holds the most (the fewest to add); each other worker's is dropped
        // once merged, and every judge's cache before the deferred calls are judged (they need only the checkers).
        TagLedger facts = workers[0].Ledger;
        foreach (UsageCollector worker in workers)
        {
            facts = worker.Ledger.Count > facts.Count ? worker.Ledger : facts;
        }

        foreach (UsageCollector worker in workers)
        {
            if (!ReferenceEquals(worker.Ledger, facts))
            {
                facts.Merge(worker.Ledger);
            }

            worker.Ledger = NoTags;
            Array.Clear(worker._judges);
        }

        // The principals judged during the scan are merged first (each worker's copies and checkers gone before the
        // deferred calls are judged), those whose calls were deferred once these are judged: a deferred principal has no
        // state before (its every call was deferred), the others get none from the deferred calls.
        first.MergePrincipals(workers, deferred: false);
        facts.Freeze();
        Parallel.For(0, workers.Count, i => workers[i].JudgeDeferred(facts));
        for (int i = 1; i < workers.Count; i++)
        {
            first.Coverage.Merge(workers[i].Coverage);
        }

        first.MergePrincipals(workers, deferred: true);
        return first;
    }

    // Principal by principal, in parallel (each principal's state is its own: its tables intern nothing shared), those
    // whose calls were deferred or the others.
    private void MergePrincipals(IReadOnlyList<UsageCollector> workers, bool deferred)
    {
        ImmutableArray<bool> needsLedger = _scope.NeedsLedger;
        if (_states.Length == 0)
        {
            return; // no principal to judge (the partitioner refuses an empty range)
        }

        Parallel.ForEach(Partitioner.Create(0, _states.Length, MergeRange), range =>
        {
            for (int index = range.Item1; index < range.Item2; index++)
            {
                if (needsLedger[index] == deferred)
                {
                    MergePrincipal(index, workers);
                }
            }
        });
    }

    // Principals per merge task: a few heavy ones dominate, so ranges are small enough to balance.
    private const int MergeRange = 16;

    // The other workers' observations of principal index, then what only the scan needed besides the tagging facts and
    // the judges' caches (dropped before the deferred calls are judged): the checkers. The scan's result still references
    // every worker while the analysis runs: a merged worker must not keep a second copy alive.
    private void MergePrincipal(int index, IReadOnlyList<UsageCollector> workers)
    {
        for (int w = 1; w < workers.Count; w++)
        {
            UsageCollector other = workers[w];
            if (other._states[index] is not PrincipalState theirs)
            {
                continue;
            }

            if (_states[index] is PrincipalState mine)
            {
                mine.Merge(theirs);
            }
            else
            {
                _states[index] = theirs;
            }

            other._states[index] = null;
        }

        _states[index]?.EndScan();
    }

    /// <summary>Drops what the scan kept for principal <paramref name="index"/> (its report is built): it is then observed as having made no call.</summary>
    public void Release(int index) => _states[index] = null;

    /// <summary>The observations of principal <paramref name="index"/> (scope order), sorted so output does not depend on threads.</summary>
    public ObservedUsage Observed(int index)
    {
        if (_states[index] is not PrincipalState state)
        {
            // No call by this principal in any worker.
            return new ObservedUsage
            {
                Unmapped = ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal),
                DataEvents = ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal),
            };
        }

        // The uses and the allowed requests share their resources' numbers: each resource's string is made once.
        var texts = new string?[state.Uses.Resources.Count];
        return new ObservedUsage
        {
            Uses = ImmutableCollectionsMarshal.AsImmutableArray(state.Uses.Build(texts)),
            AllowedRequests = [.. state.Allowed.Build(texts).OrderBy(static r => r.Id)
                .ThenBy(static r => r.Action, StringComparer.Ordinal).ThenBy(static r => r.Resource, StringComparer.Ordinal)],
            Unmapped = state.Unmapped.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Calls = state.Calls,
            ActionCalls = [.. state.ActionCalls.Select(static p => new ActionCalls(p.Key.Action, p.Key.Ref, p.Value[0], p.Value[1], p.Value[2]))
                .OrderBy(static a => a.Action, StringComparer.Ordinal).ThenBy(static a => a.Statement.Policy).ThenBy(static a => a.Statement.Statement)],
            DataEvents = state.DataEvents.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
    }

    // judging: null while scanning (calls needing the ledger are deferred), the ledger-backed checkers afterwards.
    private void Observe(EventRecord record, DeferredCalls? judging)
    {
        ResolvedPrincipal caller = PrincipalResolver.Resolve(record);
        string? target = caller.Key;
        if (target is null)
        {
            return;
        }

        int index = _targetByInstance.GetOrAdd(target, this, static (key, self) => self.TargetIndex(key));

        if (index < 0)
        {
            return;
        }

        ErrorClass error = ErrorClassifier.Classify(record);
        if (error == ErrorClass.AuthenticationFailure)
        {
            return;
        }

        if (judging is null && _scope.NeedsLedger[index])
        {
            _deferred.Add(record);
            return;
        }

        EventPermissions mapped = _scope.Mapper.Map(record);
        if (mapped.Status is MappingStatus.Permissionless or MappingStatus.NotApiCall)
        {
            return;
        }

        // Complete merges the principals judged during the scan before the deferred judgement: it must add none of theirs.
        Debug.Assert(judging is null || _scope.NeedsLedger[index], "a deferred call of a principal judged during the scan");
        PrincipalState state = _states[index] ??= NewState(index);
        string eventName = _text.Text(record.EventName) ?? string.Empty;
        if (mapped.Status == MappingStatus.Unmapped || (mapped.Permissions.IsEmpty && mapped.Implied.IsEmpty))
        {
            state.Unmapped[eventName] = state.Unmapped.GetValueOrDefault(eventName) + 1;
            return;
        }

        Record(state, judging?.Checker(index) ?? state.Checker, record, caller, mapped, eventName, index, error == ErrorClass.AccessDenied);
    }

    private void JudgeDeferred(TagLedger frozen)
    {
        if (_deferred.Count == 0)
        {
            return;
        }

        // Judged as they are inflated (each chunk's bytes dropped once judged), each principal's ledger-backed checker made
        // on its first deferred call.
        _deferred.Drain(new DeferredCalls(this, new CallChecker?[_states.Length], frozen));
        _deferredCount += _deferred.Count;
        _deferred = new PackedEvents();
    }

    // A principal's state; made apart from Observe, whose locals a lambda would otherwise capture on every call.
    private PrincipalState NewState(int index)
    {
        UsageScope scope = _scope;
        return new PrincipalState(() => Checker(scope, index, NoTags));
    }

    private static CallChecker Checker(UsageScope scope, int index, TagLedger ledger) =>
        new(scope.PolicySets[index], ledger, scope.Mapper, scope.Factory);

    // A caller key's index in the scope (-1: not judged), looked up once per distinct key.
    private int TargetIndex(string target)
    {
        if (!_targets.TryGetValue(target, out int index))
        {
            _targets.Add(target, index = _scope.IndexOf(target));
        }

        return index;
    }

    // [text], the same list (and so the same string) for every call that names it.
    private string[] Intern(string text) => _internedByInstance.GetOrAdd(text, _interned, static (key, interned) =>
    {
        if (!interned.TryGetValue(key, out string[]? list))
        {
            list = [key];
            if (interned.Count < 4096)
            {
                interned.Add(key, list);
            }
        }

        return list;
    });

    private static TagLedger FrozenEmptyLedger()
    {
        var ledger = new TagLedger();
        ledger.Freeze();
        return ledger;
    }

    private void Record(PrincipalState state, CallChecker checker, EventRecord record, ResolvedPrincipal caller, EventPermissions mapped,
        string eventName, int index, bool deniedThen)
    {
        state.Calls++;
        bool cacheable = !_scope.NeedsLedger[index];
        // The context is read for the principal's policy keys only: the evaluator and the kept request read no other key,
        // and each of them has the value, absence or unknownness a full read gives it (a cacheable principal's requests
        // hold its policy keys only; the checker's requests add the tagging facts to them).
        ReplayContext context = EventContextReader.Read(record, caller, _scope.KeySelections[index], _context);
        string eventSource = _text.Text(record.EventSource) ?? string.Empty;
        CompactEventId? eventId = null;
        string[] region = Intern(_text.Text(record.AwsRegion) ?? string.Empty);
        string[] eventNames = Intern(eventName);
        eventName = eventNames[0];
        if (DataEvents.IsDataEvent(record) && ServicePrefixes.FromEventSource(eventSource) is string prefix)
        {
            state.DataEvents[prefix] = state.DataEvents.GetValueOrDefault(prefix) + 1;
        }

        RequestJudge? judge = cacheable ? Judge(index) : null;
        judge?.BeginCall(context, eventSource);
        _seen.Clear();
        _decided.Clear();
        _possible.Clear();
        // The permissions, then the implied ones (indexed: no enumerator or boxed array per call).
        int stated = mapped.Permissions.Length;
        for (int p = 0; p < stated + mapped.Implied.Length; p++)
        {
            RequiredPermission permission = ResolveInstanceProfile(p < stated ? mapped.Permissions[p] : mapped.Implied[p - stated]);
            if (!_seen.Add(permission.Action, permission.Resource))
            {
                continue;
            }

            // A judged call's allowed request is its class's with the call's resource (none made per call).
            (CallOutcome outcome, KeptRequest? allowed, string? resource) = judge is not null
                ? judge.JudgeClass(permission)
                : Unshared(EvaluateFull(checker, context, permission, eventSource, index));
            if (allowed is KeptRequest kept)
            {
                eventId ??= CompactEventId.Of(record.Root.GetProperty("eventID"u8));
                state.Allowed.Add(kept, resource ?? kept.Resource, eventName, eventId.Value);
            }

            state.AddUse(permission, outcome, deniedThen, context.Ticks, eventNames, region);
            if (outcome.CanAllow)
            {
                HashSet<(string, StatementRef)> into = outcome.IsAllowed ? _decided : _possible;
                foreach (StatementRef statement in outcome.Matched)
                {
                    into.Add((permission.Action, statement));
                }

                foreach (StatementRef statement in outcome.Maybe)
                {
                    into.Add((permission.Action, statement));
                }
            }
        }

        // Once per call, however many resources it touched.
        foreach ((string Action, StatementRef Ref) key in _decided)
        {
            state.Count(key, decided: true, deniedThen);
        }

        foreach ((string Action, StatementRef Ref) key in _possible)
        {
            if (!_decided.Contains(key))
            {
                state.Count(key, decided: false, deniedThen);
            }
        }
    }

    /// <summary>An implied PassRole through an instance profile gets the profile's role from the authorization details, as in <c>check</c>.</summary>
    private RequiredPermission ResolveInstanceProfile(RequiredPermission permission) =>
        permission.InstanceProfileArn is null ? permission : CallChecker.WithProfileRole(permission, _scope.Details.RolesOfInstanceProfile) ?? permission;
}
