using System.Collections.Immutable;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// The actions every Allow statement of a scope's principals grants (<see cref="GrantAnalyzer.GrantedActions"/>), expanded
/// once per statement object up front: principals that share a managed policy share its document and statements, so
/// its patterns are not expanded again for each of them; nor are those of statements that list the same actions.
/// </summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
internal sealed class GrantedActionTable
{
    private readonly Dictionary<Statement, ImmutableArray<string>> _actions = new(ReferenceEqualityComparer.Instance);
    private readonly IamCatalog _catalog;

    /// <summary>Expands the Allow statements of <paramref name="principals"/>' identity policies through <paramref name="catalog"/>.</summary>
    public GrantedActionTable(IEnumerable<EffectivePolicies> principals, IamCatalog catalog)
    {
        _catalog = catalog;
        // The expansion depends on the Action and NotAction lists alone: statements that list the same ones (policies
        // made from one template) share one expansion, made once.
        var byLists = new Dictionary<(PolicyValueList?, PolicyValueList?), ImmutableArray<string>>();
        foreach (EffectivePolicies policies in principals)
        {
            foreach (GrantedPolicy policy in policies.Identity)
            {
                foreach (Statement statement in policy.Document.Statements)
                {
                    if (statement.Effect == Effect.Allow && !_actions.ContainsKey(statement))
                    {
                        if (!byLists.TryGetValue((statement.Action, statement.NotAction), out ImmutableArray<string> actions))
                        {
                            byLists.Add((statement.Action, statement.NotAction), actions = GrantAnalyzer.GrantedActions(statement, catalog));
                        }

                        _actions.Add(statement, actions);
                    }
                }
            }
        }
    }

    /// <summary>The statement's granted actions: the table's when it holds the statement, else expanded now.</summary>
    public ImmutableArray<string> Of(Statement statement) =>
        _actions.TryGetValue(statement, out ImmutableArray<string> actions) ? actions : GrantAnalyzer.GrantedActions(statement, _catalog);
}
