using System.Collections.Immutable;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Iam.Policy.Lint;

/*! Iam/Policy/Lint: checks a parsed policy against the service authorization reference (actions, condition keys
    and their types, resource ARNs and resource types). Depends on Iam/Policy, Iam/Catalog and the BCL. */

/// <summary>
/// Checks a policy document against the catalog: action patterns that match no action (error), malformed resource
/// ARNs (error), condition keys the catalog does not know, operators whose type does not fit the key's type, plain
/// operators on multivalued keys, resources that no resource type of the statement's actions accepts, and ARNs given
/// to actions that support only <c>"*"</c> (warnings). Parse diagnostics come from <see cref="PolicyParser"/>.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed partial class PolicyLinter
{
    /// <summary>Creates a linter over <paramref name="catalog"/>.</summary>
    public PolicyLinter(IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
    }

    /// <summary>A linter over <see cref="IamCatalog.Default"/>.</summary>
    public static PolicyLinter Default { get; } = new(IamCatalog.Default);

    /// <summary>The catalog.</summary>
    public IamCatalog Catalog { get; }

    /// <summary>The findings for <paramref name="document"/> linted as the kind it looks like (<see cref="PolicyKind.Auto"/>).</summary>
    public ImmutableArray<PolicyDiagnostic> Lint(PolicyDocument document) => Lint(document, PolicyKind.Auto);

    /// <summary>
    /// The findings for <paramref name="document"/> as a policy of <paramref name="kind"/>, in statement order (offsets
    /// are -1: the model keeps no positions). Statements the parser kept only for linting (an invalid Effect) are
    /// checked too, so one run reports every problem.
    /// </summary>
    public ImmutableArray<PolicyDiagnostic> Lint(PolicyDocument document, PolicyKind kind)
    {
        ArgumentNullException.ThrowIfNull(document);
        kind = Resolve(kind, document);
        var findings = new List<PolicyDiagnostic>();
        var statements = new List<(Statement, string)>();
        int position = 0;
        foreach (Statement statement in AllStatements(document))
        {
            int index = statement.SourceIndex >= 0 ? statement.SourceIndex : position;
            position++;
            string path = document.StatementIsArray ? $"Statement[{index}]" : "Statement";
            statements.Add((statement, path));
            LintGrammar(statement, path, kind, findings);
            LintStatement(statement, path, findings);
        }

        LintSids(statements, kind, findings);
        return [.. findings];
    }

    // The parsed statements and those kept only for linting, in document order.
    private static IEnumerable<Statement> AllStatements(PolicyDocument document) =>
        document.LintOnlyStatements.IsEmpty ? document.Statements
            : document.Statements.Concat(document.LintOnlyStatements).OrderBy(static s => s.SourceIndex);

    private void LintStatement(Statement statement, string path, List<PolicyDiagnostic> findings)
    {
        var actions = new List<ActionInfo>();
        bool allActions = false;
        if (statement.Action is { } action)
        {
            allActions = LintActions(action, path + ".Action", actions, findings);
        }

        if (statement.NotAction is { } notAction)
        {
            LintActions(notAction, path + ".NotAction", [], findings);
        }

        foreach (PolicyCondition condition in statement.Conditions)
        {
            LintCondition(condition, $"{path}.Condition.{condition.OperatorName}.{condition.Key}", findings);
        }

        if (statement.Resource is { } resource)
        {
            LintResources(resource, path + ".Resource", statement.Action is null || allActions ? null : actions, findings);
        }

        if (statement.NotResource is { } notResource)
        {
            LintResources(notResource, path + ".NotResource", null, findings);
        }
    }

    // Returns true when a pattern covers every action ("*"), which makes resource checks meaningless.
    private bool LintActions(PolicyValueList list, string path, List<ActionInfo> expanded, List<PolicyDiagnostic> findings)
    {
        bool all = false;
        foreach (string pattern in list.Values)
        {
            if (pattern.Trim() == "*")
            {
                all = true;
                continue;
            }

            ImmutableArray<ActionInfo> found = Catalog.ExpandActionPattern(pattern);
            if (found.IsEmpty)
            {
                int colon = pattern.IndexOf(':', StringComparison.Ordinal);
                string prefix = colon > 0 ? pattern[..colon] : pattern;
                string message = colon <= 0 ? $"\"{pattern}\" is not of the form service:action"
                    : !prefix.Contains('*', StringComparison.Ordinal) && !prefix.Contains('?', StringComparison.Ordinal) && !Catalog.TryGetService(prefix, out _)
                        ? $"unknown service prefix \"{prefix}\" in \"{pattern}\""
                        : $"\"{pattern}\" matches no action in the catalog";
                findings.Add(Error(path, message));
                continue;
            }

            expanded.AddRange(found);
        }

        return all;
    }

    private void LintCondition(PolicyCondition condition, string path, List<PolicyDiagnostic> findings)
    {
        if (!Catalog.TryGetConditionKey(condition.Key, out ConditionKeyInfo? info))
        {
            findings.Add(Warning(path, $"unknown condition key \"{condition.Key}\""));
            return;
        }

        if (condition.Operator is not { } op)
        {
            return;
        }

        if (!Fits(op.Kind, info.Type))
        {
            findings.Add(Warning(path, $"{condition.OperatorName} on {condition.Key}, which is of type {info.Type}"));
        }

        if (info.IsMultivalued && op.Qualifier == SetQualifier.None && op.Kind != ConditionOperatorKind.Null)
        {
            findings.Add(Warning(path, $"{condition.Key} is multivalued: a plain {condition.OperatorName} never matches it; use ForAnyValue: or ForAllValues:"));
        }
        else if (!info.IsMultivalued && op.Qualifier != SetQualifier.None)
        {
            findings.Add(Warning(path, $"{op.Qualifier}: on the single-valued key {condition.Key}"));
        }
    }

    // Operators by family against the key's type. String operators also fit ARN keys (AWS accepts them).
    private static bool Fits(ConditionOperatorKind op, ConditionKeyType type)
    {
        string t = type.ToString().Replace("ArrayOf", string.Empty, StringComparison.Ordinal);
        return op switch
        {
            <= ConditionOperatorKind.StringNotLike => t is "String" or "Arn",
            <= ConditionOperatorKind.NumericGreaterThanEquals => t is "Numeric",
            <= ConditionOperatorKind.DateGreaterThanEquals => t is "Date" or "Numeric",
            ConditionOperatorKind.Bool => t is "Bool",
            ConditionOperatorKind.BinaryEquals => t is "Binary",
            ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => t is "IPAddress",
            ConditionOperatorKind.Null => true,
            _ => t is "Arn" or "String",
        };
    }

    private static void LintResources(PolicyValueList list, string path, List<ActionInfo>? actions, List<PolicyDiagnostic> findings)
    {
        bool hasStar = false;
        foreach (string resource in list.Values)
        {
            if (resource == "*")
            {
                hasStar = true;
                continue;
            }

            if (!resource.StartsWith("arn:", StringComparison.Ordinal))
            {
                findings.Add(Error(path, $"malformed ARN \"{resource}\" (expected arn:partition:service:region:account:resource)"));
                continue;
            }

            if (ArnFormatProblem(resource) is { } problem)
            {
                findings.Add(Error(path, problem));
                continue;
            }

            if (actions is null || actions.Count == 0)
            {
                continue;
            }

            if (!ResourceMatcher.AnyTypeAccepts(actions, resource))
            {
                findings.Add(Warning(path, $"\"{resource}\" matches no resource type of the statement's actions"));
            }
        }

        if (!hasStar && actions is not null)
        {
            var wildcardOnly = new List<string>();
            foreach (ActionInfo action in actions)
            {
                if (!action.SupportsResourceLevelPermissions)
                {
                    wildcardOnly.Add(action.FullName);
                }
            }

            if (wildcardOnly.Count > 0)
            {
                string names = wildcardOnly.Count <= 3 ? string.Join(", ", wildcardOnly) : $"{string.Join(", ", wildcardOnly.Take(3))} and {wildcardOnly.Count - 3} more";
                findings.Add(Warning(path, $"{names} {(wildcardOnly.Count == 1 ? "supports" : "support")} only \"Resource\": \"*\"; these ARNs do not grant them"));
            }
        }
    }

    private static PolicyDiagnostic Error(string path, string message) => new(DiagnosticSeverity.Error, path, -1, message);

    private static PolicyDiagnostic Warning(string path, string message) => new(DiagnosticSeverity.Warning, path, -1, message);
}
