using System.Collections.Immutable;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// The mutable tally of one principal's calls inside one <see cref="PolicyEvidenceCollector"/>. Memory grows
/// with distinct permission tuples and unmapped event names, never with events.
/// </summary>
/// <remarks>Not thread-safe: owned by one collector (one scan worker).</remarks>
internal sealed class PrincipalActivity
{
    // Evidence keyed by (action, resource, resource type, creating call); the implied flag is counted, not keyed.
    private readonly Dictionary<(string Action, string Resource, string? ResourceType, string? CreateAction), Counter> _permissions = [];
    private readonly Dictionary<(string Source, string Name), long[]> _unmapped = [];
    private readonly Dictionary<(string Source, string Name), long[]> _unverified = [];

    public long Calls;
    public long Allowed;
    public long Denied;
    public long ExcludedDenied;
    public long NoPermission;
    public long AuthenticationFailures;
    public long DataEvents;
    public long Mapped;
    public long First;
    public long Last;

    public void Touch(long ticks, bool dataEvent)
    {
        Calls++;
        if (dataEvent)
        {
            DataEvents++;
        }

        if (ticks != 0)
        {
            First = First == 0 ? ticks : Math.Min(First, ticks);
            Last = Math.Max(Last, ticks);
        }
    }

    public void AddPermission(RequiredPermission tuple, string eventName, long ticks, bool denied, bool unverified = false)
    {
        var key = (tuple.Action, tuple.Resource, tuple.ResourceType, tuple.CreateAction);
        if (!_permissions.TryGetValue(key, out Counter? c))
        {
            _permissions.Add(key, c = new Counter());
        }

        c.Add(1, denied ? 1 : 0, tuple.Implied ? 1 : 0, ticks, ticks);
        c.Unverified += unverified ? 1 : 0;
        c.EventNames.Add(eventName);
        if (tuple.Note is not null)
        {
            c.Notes.Add(tuple.Note);
        }
    }

    public void AddUnmapped(string source, string name, bool denied) => Count(_unmapped, source, name, denied);

    /// <summary>A call left out because it failed validation (authorisation unknown).</summary>
    public void AddUnverified(string source, string name) => Count(_unverified, source, name, denied: false);

    private static void Count(Dictionary<(string Source, string Name), long[]> calls, string source, string name, bool denied)
    {
        if (!calls.TryGetValue((source, name), out long[]? n))
        {
            calls.Add((source, name), n = new long[2]);
        }

        n[0]++;
        n[1] += denied ? 1 : 0;
    }

    public void Merge(PrincipalActivity other)
    {
        Calls += other.Calls;
        Allowed += other.Allowed;
        Denied += other.Denied;
        ExcludedDenied += other.ExcludedDenied;
        NoPermission += other.NoPermission;
        AuthenticationFailures += other.AuthenticationFailures;
        DataEvents += other.DataEvents;
        Mapped += other.Mapped;
        if (other.First != 0)
        {
            First = First == 0 ? other.First : Math.Min(First, other.First);
        }

        Last = Math.Max(Last, other.Last);
        foreach ((var key, Counter theirs) in other._permissions)
        {
            if (!_permissions.TryGetValue(key, out Counter? mine))
            {
                _permissions.Add(key, mine = new Counter());
            }

            mine.Add(theirs.Calls, theirs.Denied, theirs.Implied, theirs.First, theirs.Last);
            mine.Unverified += theirs.Unverified;
            mine.EventNames.UnionWith(theirs.EventNames);
            mine.Notes.UnionWith(theirs.Notes);
        }

        MergeCounts(_unmapped, other._unmapped);
        MergeCounts(_unverified, other._unverified);
    }

    public PrincipalEvidence ToEvidence(string principal)
    {
        var permissions = new List<PermissionEvidence>(_permissions.Count);
        foreach ((var key, Counter c) in _permissions)
        {
            permissions.Add(new PermissionEvidence
            {
                Action = key.Action,
                Resource = key.Resource,
                ResourceType = key.ResourceType,
                CreateAction = key.CreateAction,
                Calls = c.Calls,
                Denied = c.Denied,
                ImpliedCalls = c.Implied,
                UnverifiedCalls = c.Unverified,
                FirstTicks = c.First,
                LastTicks = c.Last,
                EventNames = [.. c.EventNames],
                Notes = [.. c.Notes],
            });
        }

        permissions.Sort(static (a, b) =>
        {
            int x = string.CompareOrdinal(a.Action, b.Action);
            x = x != 0 ? x : string.CompareOrdinal(a.Resource, b.Resource);
            return x != 0 ? x : string.CompareOrdinal(a.ResourceType, b.ResourceType);
        });


        return new PrincipalEvidence
        {
            Principal = principal,
            Permissions = [.. permissions],
            Unmapped = Listed(_unmapped),
            Unverified = Listed(_unverified),
            Calls = Calls,
            AllowedCalls = Allowed,
            DeniedCalls = Denied,
            ExcludedDeniedCalls = ExcludedDenied,
            NoPermissionCalls = NoPermission,
            AuthenticationFailures = AuthenticationFailures,
            DataEvents = DataEvents,
            MappedCalls = Mapped,
            FirstTicks = First,
            LastTicks = Last,
        };
    }

    private static void MergeCounts(Dictionary<(string Source, string Name), long[]> mine, Dictionary<(string Source, string Name), long[]> theirs)
    {
        foreach (((string, string) key, long[] counts) in theirs)
        {
            if (!mine.TryGetValue(key, out long[]? n))
            {
                mine.Add(key, n = new long[2]);
            }

            n[0] += counts[0];
            n[1] += counts[1];
        }
    }

    private static ImmutableArray<UnmappedCall> Listed(Dictionary<(string Source, string Name), long[]> calls)
    {
        var list = new List<UnmappedCall>(calls.Count);
        foreach (((string source, string name), long[] n) in calls)
        {
            list.Add(new UnmappedCall(source, name, n[0], n[1]));
        }

        list.Sort(static (a, b) =>
        {
            int x = string.CompareOrdinal(a.EventSource, b.EventSource);
            return x != 0 ? x : string.CompareOrdinal(a.EventName, b.EventName);
        });
        return [.. list];
    }

    private sealed class Counter
    {
        public long Unverified;

        public long Calls;
        public long Denied;
        public long Implied;
        public long First;
        public long Last;

        public SortedSet<string> EventNames { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> Notes { get; } = new(StringComparer.Ordinal);

        public void Add(long calls, long denied, long implied, long first, long last)
        {
            Calls += calls;
            Denied += denied;
            Implied += implied;
            if (first != 0)
            {
                First = First == 0 ? first : Math.Min(First, first);
            }

            Last = Math.Max(Last, last);
        }
    }
}
