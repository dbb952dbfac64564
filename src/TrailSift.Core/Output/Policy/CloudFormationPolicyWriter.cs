using System.Text;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output.Policy;

/// <summary>
/// Writes policy documents as CloudFormation YAML: a <c>PolicyDocument</c> mapping to paste under an
/// <c>AWS::IAM::ManagedPolicy</c> or a role's <c>Policies</c>. Several documents are separate YAML documents (<c>---</c>).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class CloudFormationPolicyWriter
{
    /// <summary>Writes the documents.</summary>
    public static void Write(IReadOnlyList<PolicyDocument> documents, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(writer);
        for (int d = 0; d < documents.Count; d++)
        {
            if (documents.Count > 1)
            {
                writer.Write($"---\n# document {d + 1} of {documents.Count}\n");
            }

            writer.Write("PolicyDocument:\n");
            if (documents[d].Version is { } version)
            {
                writer.Write($"  Version: {Quote(version)}\n");
            }

            writer.Write(documents[d].Statements.IsEmpty ? "  Statement: []\n" : "  Statement:\n");
            foreach (Statement s in documents[d].Statements)
            {
                string lead = "    - ";
                if (s.Sid is not null)
                {
                    writer.Write($"{lead}Sid: {s.Sid}\n");
                    lead = "      ";
                }

                writer.Write($"{lead}Effect: {(s.Effect == Effect.Allow ? "Allow" : "Deny")}\n");
                WriteList(writer, "Action", s.Action);
                WriteList(writer, "NotAction", s.NotAction);
                WriteList(writer, "Resource", s.Resource);
                WriteList(writer, "NotResource", s.NotResource);
                WriteConditions(writer, s);
            }
        }
    }

    // Condition: { Operator: { key: [values] } }, operators in their first order.
    private static void WriteConditions(TextWriter writer, Statement statement)
    {
        if (statement.Conditions.IsEmpty)
        {
            return;
        }

        writer.Write("      Condition:\n");
        foreach (IGrouping<string, PolicyCondition> op in statement.Conditions.GroupBy(static c => c.OperatorName, StringComparer.Ordinal))
        {
            writer.Write($"        {Quote(op.Key)}:\n");
            foreach (PolicyCondition condition in op)
            {
                writer.Write($"          {Quote(condition.Key)}:\n");
                foreach (ConditionValue value in condition.Values)
                {
                    writer.Write($"            - {Quote(value.Text)}\n");
                }
            }
        }
    }

    private static void WriteList(TextWriter writer, string name, PolicyValueList? list)
    {
        if (list is null)
        {
            return;
        }

        writer.Write($"      {name}:\n");
        foreach (string value in list.Values)
        {
            writer.Write($"        - {Quote(value)}\n");
        }
    }

    /// <summary>A single-quoted YAML scalar: always quoted, since <c>*</c> and dates would otherwise change meaning.</summary>
    private static string Quote(string value) => new StringBuilder(value.Length + 2)
        .Append('\'').Append(value.Replace("'", "''", StringComparison.Ordinal)).Append('\'').ToString();
}
