using System.Collections.Immutable;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Generalization;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// Turns one principal's <see cref="PrincipalEvidence"/> into a least-privilege <see cref="GeneratedPolicy"/>:
/// resources per action and resource type through <see cref="ResourceGeneralizer"/>; one statement per service
/// and resource set, holding the actions that share it; optional action compression; <c>Sid</c>s named after
/// the statement's first action so that reruns diff cleanly; documents packed to a size limit.
/// </summary>
/// <remarks>Stateless; thread-safe. The output depends only on the evidence and the options, never on input order.</remarks>
public static partial class PolicyGenerator
{
    /// <summary>Generates the policy.</summary>
    public static GeneratedPolicy Generate(PrincipalEvidence evidence, InputFacts facts, PolicyGenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        List<Draft> drafts = Layout(evidence, options);
        Pack(drafts, options.MaxSize, out List<GeneratedStatement> statements, out List<PolicyDocument> documents);
        var sizes = ImmutableArray.CreateBuilder<int>(documents.Count);
        foreach (PolicyDocument document in documents)
        {
            sizes.Add(PolicySize.Of(document));
        }

        var policy = new GeneratedPolicy
        {
            Principal = evidence.Principal,
            Documents = [.. documents],
            Sizes = sizes.MoveToImmutable(),
            MaxSize = options.MaxSize,
            Statements = [.. statements],
            Evidence = evidence,
            Facts = facts,
        };
        return policy with { Notes = PolicyNotes(policy) };
    }

    /// <summary>
    /// The statements <see cref="Generate"/> gives, each as its entry in <see cref="GeneratedPolicy.Statements"/> but for
    /// <see cref="GeneratedStatement.Document"/> (0 here): without packing them into documents, the documents' sizes or the
    /// notes, for callers that read only the statements' actions and resources.
    /// </summary>
    internal static IEnumerable<GeneratedStatement> Statements(PrincipalEvidence evidence, PolicyGenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(options);
        return Layout(evidence, options).SelectMany(draft => SplitToFit(draft, options.MaxSize));
    }

    /// <summary>Per action: its resource patterns with evidence; then actions sharing service and patterns become one statement.</summary>
    private static List<Draft> Layout(PrincipalEvidence evidence, PolicyGenerationOptions options)
    {
        var byAction = new SortedDictionary<string, List<PermissionEvidence>>(StringComparer.Ordinal);
        foreach (PermissionEvidence row in evidence.Permissions)
        {
            if (ArnFields.Problem(row.Resource) is not null)
            {
                // IAM would reject the document; the row is named in the notes instead (PolicyNotes).
                continue;
            }

            if (!byAction.TryGetValue(row.Action, out List<PermissionEvidence>? rows))
            {
                byAction.Add(row.Action, rows = []);
            }

            rows.Add(row);
        }

        // Key: service + patterns; value: the draft collecting actions in sorted order.
        var groups = new Dictionary<string, Draft>(StringComparer.Ordinal);
        var order = new List<Draft>();
        foreach ((string action, List<PermissionEvidence> actionRows) in byAction)
        foreach ((List<PermissionEvidence> rows, ImmutableArray<PolicyCondition> conditions, string suffix) in Parts(action, actionRows, evidence, options))
        {
            SortedDictionary<string, List<PermissionEvidence>> patterns = ResourcesOf(action, rows, options);
            string service = ServiceOf(action);
            string conditionKey = string.Join(';', conditions.Select(static c => c.Key + "=" + string.Join(',', c.Values)));
            string key = service + "\n" + conditionKey + "\n" + string.Join('\n', patterns.Keys);
            if (!groups.TryGetValue(key, out Draft? draft))
            {
                draft = new Draft(SidFor(action) + suffix) { Conditions = conditions };
                foreach (string pattern in patterns.Keys)
                {
                    draft.Resources.Add(pattern, []);
                }

                groups.Add(key, draft);
                order.Add(draft);
            }

            draft.Actions.Add(action);
            foreach ((string pattern, List<PermissionEvidence> covered) in patterns)
            {
                draft.Resources[pattern].AddRange(covered);
            }

            if (patterns.ContainsKey("*") && options.Catalog.TryGetAction(action, out ActionInfo? info) && HasRequiredResourceType(info))
            {
                draft.Notes.Add($"{action}: the events did not name the resource it needs, so the resource is \"*\"");
            }
        }

        foreach (Draft draft in order)
        {
            draft.Written = options.CompressActions ? ActionCompressor.Compress(draft.Actions, options.Catalog) : [.. draft.Actions];
            if (draft.Written.Length < draft.Actions.Count)
            {
                draft.Notes.Add("actions compressed: every catalog action each wildcard covers is in the list");
            }
        }

        order.Sort(static (a, b) => string.CompareOrdinal(a.Actions[0], b.Actions[0]) is var x && x != 0 ? x : string.CompareOrdinal(a.Sid, b.Sid));
        return order;
    }

    /// <summary>
    /// One action's rows in parts that share conditions: tag-on-create rows (<c>ec2:CreateAction</c>); then, after
    /// workload resources became their stable patterns, rows whose tags (<c>aws:ResourceTag</c>) or creation attributes
    /// (<c>ec2:InstanceProfile</c>) are proven apart from the rest.
    /// </summary>
    private static IEnumerable<(List<PermissionEvidence> Rows, ImmutableArray<PolicyCondition> Conditions, string Suffix)> Parts(
        string action, List<PermissionEvidence> actionRows, PrincipalEvidence evidence, PolicyGenerationOptions options)
    {
        foreach ((List<PermissionEvidence> rows, PolicyCondition? condition) in ConditionParts(action, actionRows, options.Catalog))
        {
            List<PermissionEvidence> workload = WorkloadRows(rows, evidence, options.Generalization);
            if (condition is not null)
            {
                yield return (workload, [condition], "OnCreate");
                continue;
            }

            var plain = new List<PermissionEvidence>();
            var tagged = new Dictionary<string, (List<PermissionEvidence> Rows, ImmutableArray<PolicyCondition> Conditions)>(StringComparer.Ordinal);
            foreach (PermissionEvidence row in workload)
            {
                ImmutableArray<PolicyCondition> conditions = ResourceTagConditions(action, row.ResourceTags, options.Catalog)
                    .AddRange(AttributeConditions(action, row.ResourceAttributes, options.Catalog));
                if (conditions.IsEmpty)
                {
                    plain.Add(row);
                    continue;
                }

                string key = string.Join(';', row.ResourceTags.Select(static t => t.Key + "=" + t.Value))
                    + (row.ResourceAttributes.IsEmpty ? string.Empty : "\n" + string.Join(';', row.ResourceAttributes.Select(static t => t.Key + "=" + t.Value)));
                if (!tagged.TryGetValue(key, out var part))
                {
                    tagged.Add(key, part = ([], conditions));
                }

                part.Rows.Add(row);
            }

            if (plain.Count > 0 || tagged.Count == 0)
            {
                yield return (plain, [], string.Empty);
            }

            foreach ((string _, (List<PermissionEvidence> taggedRows, ImmutableArray<PolicyCondition> conditions)) in tagged.OrderBy(static t => t.Key, StringComparer.Ordinal))
            {
                yield return (taggedRows, conditions, conditions.Any(static c => c.Key.StartsWith("aws:ResourceTag/", StringComparison.Ordinal)) ? "Tagged" : "Created");
            }
        }
    }

    // A wildcard on iam:PassRole lets the principal hand any matching role to a service, including more
    // powerful roles created later: only --generalize aggressive widens it.
    private static GeneralizationMode ModeFor(string action, GeneralizationMode requested) =>
        requested == GeneralizationMode.Safe && action.Equals("iam:PassRole", StringComparison.OrdinalIgnoreCase)
            ? GeneralizationMode.None
            : requested;

    /// <summary>The resource patterns of one action, each with the evidence rows it covers.</summary>
    private static SortedDictionary<string, List<PermissionEvidence>> ResourcesOf(string action, List<PermissionEvidence> rows, PolicyGenerationOptions options)
    {
        bool wildcardOnly = options.Catalog.TryGetAction(action, out ActionInfo? info) && !info.SupportsResourceLevelPermissions;
        var byType = new SortedDictionary<string, List<PermissionEvidence>>(StringComparer.Ordinal);
        foreach (PermissionEvidence row in rows)
        {
            // "\0" keys rows whose resource type is not known (never a catalog key).
            string typeKey = wildcardOnly ? ResourceGeneralizer.NoResourceType : row.ResourceType ?? "\0";
            if (!byType.TryGetValue(typeKey, out List<PermissionEvidence>? list))
            {
                byType.Add(typeKey, list = []);
            }

            list.Add(row);
        }

        var patterns = new SortedDictionary<string, List<PermissionEvidence>>(StringComparer.Ordinal);
        foreach ((string typeKey, List<PermissionEvidence> list) in byType)
        {
            var arns = new List<string>(list.Count);
            foreach (PermissionEvidence row in list)
            {
                arns.Add(row.Resource);
            }

            var patternOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (GeneralizedResource g in ResourceGeneralizer.Generalize(arns, typeKey == "\0" ? null : typeKey, ModeFor(action, options.Generalization)))
            {
                foreach (string covered in g.Covers)
                {
                    patternOf[covered] = g.Pattern;
                }
            }

            foreach (PermissionEvidence row in list)
            {
                string pattern = patternOf[row.Resource];
                if (!patterns.TryGetValue(pattern, out List<PermissionEvidence>? covered))
                {
                    patterns.Add(pattern, covered = []);
                }

                covered.Add(row);
            }
        }

        if (patterns.Count > 1 && patterns.ContainsKey("*"))
        {
            // "*" already grants everything the other patterns do.
            var all = new List<PermissionEvidence>(rows);
            patterns.Clear();
            patterns.Add("*", all);
        }

        return patterns;
    }

    private static bool HasRequiredResourceType(ActionInfo info)
    {
        foreach (ActionResourceType type in info.ResourceTypes)
        {
            if (type.Required)
            {
                return true;
            }
        }

        return false;
    }

    private static string ServiceOf(string action)
    {
        int colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? action : action[..colon];
    }

    /// <summary>The statement id: the service in Pascal case and the action name (<c>Ec2RunInstances</c>); ids allow only letters and digits.</summary>
    internal static string SidFor(string action)
    {
        var sb = new System.Text.StringBuilder(action.Length);
        bool upper = true;
        foreach (char c in action)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>A statement being laid out.</summary>
    private sealed class Draft(string sid)
    {
        public string Sid { get; } = sid;

        public List<string> Actions { get; } = [];

        public ImmutableArray<string> Written { get; set; } = [];

        public SortedDictionary<string, List<PermissionEvidence>> Resources { get; } = new(StringComparer.Ordinal);

        public List<string> Notes { get; } = [];

        /// <summary>The statement's conditions (ec2:CreateAction for tags given at creation; aws:ResourceTag for workload resources).</summary>
        public ImmutableArray<PolicyCondition> Conditions { get; init; } = [];
    }
}
