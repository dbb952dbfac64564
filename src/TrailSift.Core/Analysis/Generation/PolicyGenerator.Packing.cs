using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrailSift.Core.Common;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Generation;

// Packing statements into documents under the size limit.
public static partial class PolicyGenerator
{
    /// <summary>
    /// Packs statements greedily, in order, into documents of at most <paramref name="maxSize"/> characters
    /// (without whitespace). A statement too large for an empty document is split by resources, then by actions;
    /// its parts are named <c>SidPart1</c>, <c>SidPart2</c>, ….
    /// </summary>
    private static void Pack(List<Draft> drafts, int maxSize, out List<GeneratedStatement> statements, out List<PolicyDocument> documents)
    {
        statements = [];
        documents = [];
        var current = new List<Statement>();
        int size = PolicySize.EmptyDocumentSize;
        foreach (Draft draft in drafts)
        {
            foreach (GeneratedStatement part in SplitToFit(draft, maxSize))
            {
                int add = PolicySize.Of(part.Statement) + (current.Count > 0 ? 1 : 0);
                if (current.Count > 0 && size + add > maxSize)
                {
                    documents.Add(Document(current));
                    current = [];
                    size = PolicySize.EmptyDocumentSize;
                    add--;
                }

                current.Add(part.Statement);
                size += add;
                statements.Add(part with { Document = documents.Count });
            }
        }

        if (current.Count > 0 || documents.Count == 0)
        {
            documents.Add(Document(current));
        }
    }

    private static PolicyDocument Document(List<Statement> statements) =>
        new() { Version = PolicyDocument.Version2012, Statements = [.. statements] };

    private static IEnumerable<GeneratedStatement> SplitToFit(Draft draft, int maxSize)
    {
        var resources = new List<string>(draft.Resources.Keys);
        var actions = new List<string>(draft.Written);
        GeneratedStatement whole = Build(draft, draft.Sid, actions, resources);
        if (PolicySize.EmptyDocumentSize + PolicySize.Of(whole.Statement) <= maxSize)
        {
            yield return whole;
            yield break;
        }

        // Each part keeps all actions and a share of the resources; a part that still does not fit keeps one
        // resource and a share of the actions. Array sizes are exact: a value costs its text plus quotes and comma.
        int budget = maxSize - PolicySize.EmptyDocumentSize;
        var parts = new List<(List<string> Actions, List<string> Resources)>();
        int actionsOnly = SizeWith(draft.Sid + "Part00", actions, []);
        foreach (List<string> chunk in Chunk(resources, budget - actionsOnly))
        {
            if (chunk.Count == 1 && actionsOnly + ValueCost(chunk[0]) > budget)
            {
                int resourceOnly = SizeWith(draft.Sid + "Part00", [], chunk);
                foreach (List<string> actionChunk in Chunk(actions, budget - resourceOnly))
                {
                    parts.Add((actionChunk, chunk));
                }
            }
            else
            {
                parts.Add((actions, chunk));
            }
        }

        for (int i = 0; i < parts.Count; i++)
        {
            yield return Build(draft, parts.Count == 1 ? draft.Sid : $"{draft.Sid}Part{i + 1}", parts[i].Actions, parts[i].Resources);
        }
    }

    /// <summary>Splits values greedily into runs whose array cost fits <paramref name="room"/> (at least one value per run).</summary>
    private static List<List<string>> Chunk(List<string> values, int room)
    {
        var chunks = new List<List<string>>();
        var chunk = new List<string>();
        int used = 0;
        foreach (string value in values)
        {
            int cost = ValueCost(value) + (chunk.Count > 0 ? 1 : 0);
            if (chunk.Count > 0 && used + cost > room)
            {
                chunks.Add(chunk);
                chunk = [];
                used = 0;
                cost--;
            }

            chunk.Add(value);
            used += cost;
        }

        if (chunk.Count > 0)
        {
            chunks.Add(chunk);
        }

        return chunks;
    }

    /// <summary>The size of a statement whose action and resource arrays hold the given values.</summary>
    private static int SizeWith(string sid, List<string> actions, List<string> resources) => PolicySize.Of(new Statement
    {
        Sid = sid,
        Effect = Effect.Allow,
        Action = new PolicyValueList([.. actions], isArray: true),
        Resource = new PolicyValueList([.. resources], isArray: true),
    });

    /// <summary>The characters a value adds to a JSON array (quotes included, comma not), whitespace not counted.</summary>
    private static int ValueCost(string value) =>
        PolicySize.CountNonWhitespace(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value) + 2;

    private static GeneratedStatement Build(Draft draft, string sid, List<string> written, List<string> resources)
    {
        var actionSet = new HashSet<string>(draft.Actions.Count == written.Count ? draft.Actions : Covered(draft, written), StringComparer.Ordinal);
        var generated = ImmutableArray.CreateBuilder<GeneratedResource>(resources.Count);
        foreach (string pattern in resources)
        {
            var rows = new List<PermissionEvidence>();
            foreach (PermissionEvidence row in draft.Resources[pattern])
            {
                if (actionSet.Contains(row.Action))
                {
                    rows.Add(row);
                }
            }

            generated.Add(new GeneratedResource(pattern, [.. rows]));
        }

        var actions = new List<string>(actionSet);
        actions.Sort(StringComparer.Ordinal);
        return new GeneratedStatement
        {
            Statement = new Statement
            {
                Sid = sid,
                Effect = Effect.Allow,
                Action = List(written),
                Resource = List(resources),
                Conditions = draft.Conditions,
            },
            Actions = [.. actions],
            Resources = generated.MoveToImmutable(),
            Notes = [.. draft.Notes],
        };
    }

    /// <summary>The draft's actions that a part's written (possibly compressed) action list grants.</summary>
    private static List<string> Covered(Draft draft, List<string> written)
    {
        var covered = new List<string>();
        foreach (string action in draft.Actions)
        {
            foreach (string pattern in written)
            {
                if (AwsWildcard.IsMatchIgnoreCase(pattern, action))
                {
                    covered.Add(action);
                    break;
                }
            }
        }

        return covered;
    }

    private static PolicyValueList List(List<string> values) =>
        values.Count == 1 ? PolicyValueList.Single(values[0]) : new PolicyValueList([.. values], isArray: true);
}
