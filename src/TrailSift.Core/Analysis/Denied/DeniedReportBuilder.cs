using TrailSift.Core.Analysis.Denied.Messages;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>Turns the merged accumulator state into a <see cref="DeniedReport"/>: ordered groups with fixes and hints.</summary>
/// <remarks>Used once, on one thread.</remarks>
internal sealed class DeniedReportBuilder(
    IamCatalog catalog,
    Dictionary<DenialKey, DenialState> denials,
    Dictionary<(string Principal, string Code), CallStats> authFailures,
    List<TaggingCall> tagging,
    Dictionary<CallKey, List<CreationCall>> creations,
    Dictionary<SuccessKey, SuccessStats> successes,
    bool authFailuresIncluded)
{
    private readonly DeniedFixes _fixes = new(catalog);

    public DeniedReport Build()
    {
        var keys = denials.Keys.ToList();
        keys.Sort(CompareKeys);
        var linker = new DeniedHintLinker(tagging, creations, successes);

        // One statement per (principal, action) over every no-identity-allow resource, so resources sharing a stem
        // (AWS-ElasticMapReduce-j-<id> queues) become one wildcard in each of their groups' fixes.
        var statements = new Dictionary<(string Principal, string Action), (Statement Statement, List<string> Notes)>();
        foreach (var byAction in keys.Where(IsImplicitIdentity).GroupBy(k => (k.Principal, Action: k.Action!)))
        {
            var notes = new List<string>();
            statements[byAction.Key] = (_fixes.Statement(byAction.Key.Action, ResourcesOf(byAction), notes), notes);
            foreach (DenialKey k in byAction)
            {
                foreach (string implied in denials[k].Implied)
                {
                    AddOnce(notes, DeniedNotes.ImpliedPrefix + implied);
                }
            }
        }

        var groups = new List<DeniedGroup>(keys.Count);
        long calls = 0;
        foreach (DenialKey key in keys)
        {
            DenialState state = denials[key];
            calls += state.Calls.Count;
            Statement? statement = null;
            IReadOnlyList<string> fixNotes = [];
            if (IsImplicitIdentity(key))
            {
                (statement, List<string> notes) = statements[(key.Principal, key.Action!)];
                fixNotes = notes;
            }

            groups.Add(new DeniedGroup
            {
                Principal = key.Principal,
                Action = key.Action,
                Resource = key.Resource,
                ActionDerived = state.ActionDerived,
                ResourceDerived = state.ResourceDerived,
                Reason = key.Reason,
                PolicyType = state.PolicyType,
                EventSource = state.EventSource,
                EventName = state.EventName,
                ErrorCodes = [.. state.ErrorCodes],
                Count = state.Calls.Count,
                FirstSeen = Time(state.Calls.First),
                LastSeen = Time(state.Calls.Last),
                EventIds = [.. state.Calls.SampleIds],
                CalledBy = MostFrequent(state.CalledBy),
                Suggestion = DeniedFixes.For(key, statement, fixNotes),
                Hints = linker.Hints(key, state),
                Notes = [.. state.Notes],
            });
        }

        var auth = authFailures
            .OrderBy(p => p.Key.Principal, StringComparer.Ordinal).ThenBy(p => p.Key.Code, StringComparer.Ordinal)
            .Select(p => new AuthFailureGroup
            {
                Principal = p.Key.Principal,
                ErrorCode = p.Key.Code,
                Count = p.Value.Count,
                FirstSeen = Time(p.Value.First),
                LastSeen = Time(p.Value.Last),
                EventIds = [.. p.Value.SampleIds],
            })
            .ToList();

        return new DeniedReport
        {
            Groups = groups,
            AuthFailures = auth,
            AuthFailuresIncluded = authFailuresIncluded,
            DeniedCalls = calls,
            Principals = keys.Select(k => k.Principal).Distinct(StringComparer.Ordinal).Count(),
            AuthFailureCalls = auth.Sum(a => a.Count),
            Policy = new DeniedPolicyPlanner(catalog, keys, denials).Plan(),
        };
    }

    private IEnumerable<string?> ResourcesOf(IEnumerable<DenialKey> keys)
    {
        foreach (DenialKey k in keys)
        {
            yield return k.Resource;
            foreach (string r in denials[k].MappedResources)
            {
                yield return r;
            }
        }
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static bool IsImplicitIdentity(DenialKey key) => key.Reason == DeniedReason.NoIdentityAllow && key.Action is not null;

    private static int CompareKeys(DenialKey a, DenialKey b)
    {
        int c = string.CompareOrdinal(a.Principal, b.Principal);
        c = c != 0 ? c : string.CompareOrdinal(a.Action, b.Action);
        c = c != 0 ? c : string.CompareOrdinal(a.Resource, b.Resource);
        return c != 0 ? c : a.Reason.CompareTo(b.Reason);
    }

    private static string? MostFrequent(Dictionary<string, long> counts)
    {
        string? best = null;
        long most = 0;
        foreach ((string who, long n) in counts)
        {
            if (n > most || (n == most && string.CompareOrdinal(who, best) < 0))
            {
                best = who;
                most = n;
            }
        }

        return best;
    }

    private static DateTimeOffset? Time(long? ticks) => ticks is long t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
