using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>
/// One scan that replays every principal's calls against that principal's own policies: an event goes to each
/// principal that `policy` attributed it to (<see cref="ResolvedPrincipal.Key"/>) or that
/// `check --principal P` would select it for (<see cref="PrincipalIdentity.Matches"/>).
/// </summary>
internal sealed class PerPrincipalReplay(IReadOnlyDictionary<string, PolicySet> policies, TagLedger ledger) : IEventSink, ISequencedSink
{
    private readonly Dictionary<string, CallChecker> _checkers = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CallChecker> Checkers => _checkers;

    public void Accept(EventRecord record)
    {
        ResolvedPrincipal caller = PrincipalResolver.Resolve(record);
        PrincipalIdentity identity = caller.Identity;
        foreach (string principal in policies.Keys)
        {
            bool isArn = principal.StartsWith("arn:", StringComparison.OrdinalIgnoreCase);
            if (string.Equals(caller.Key, principal, StringComparison.Ordinal) || identity.Matches(principal, isArn))
            {
                Checker(principal).Accept(record);
            }
        }
    }

    public void Merge(PerPrincipalReplay other)
    {
        foreach ((string principal, CallChecker checker) in other._checkers)
        {
            Checker(principal).Merge(checker);
        }
    }

    public void BeginObject(int sequence, string path)
    {
    }

    public void EndObject(int sequence, string path)
    {
    }

    private CallChecker Checker(string principal)
    {
        if (!_checkers.TryGetValue(principal, out CallChecker? checker))
        {
            checker = new CallChecker(policies[principal], ledger, EventPermissionMapper.Default, CatalogRequestFactory.Default);
            _checkers.Add(principal, checker);
        }

        return checker;
    }
}
