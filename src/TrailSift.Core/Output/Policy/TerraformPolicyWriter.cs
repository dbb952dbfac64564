using System.Text;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output.Policy;

/// <summary>
/// Writes policy documents as Terraform <c>aws_iam_policy_document</c> data sources, formatted as
/// <c>terraform fmt</c> would (two-space indent, aligned <c>=</c> in runs of one-line attributes).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class TerraformPolicyWriter
{
    /// <summary>Writes one data source per document: <c>name</c>, or <c>name_1</c>, <c>name_2</c>, … when there are several.</summary>
    public static void Write(IReadOnlyList<PolicyDocument> documents, string name, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(writer);
        string id = Identifier(name);
        for (int d = 0; d < documents.Count; d++)
        {
            if (d > 0)
            {
                writer.Write('\n');
            }

            string label = documents.Count == 1 ? id : $"{id}_{d + 1}";
            writer.Write($"data \"aws_iam_policy_document\" \"{label}\" {{\n");
            if (documents[d].Version is { } version)
            {
                writer.Write($"  version = {Quote(version)}\n");
            }

            foreach (Statement s in documents[d].Statements)
            {
                writer.Write("\n  statement {\n");
                if (s.Sid is not null)
                {
                    writer.Write($"    sid    = {Quote(s.Sid)}\n");
                }

                writer.Write($"    effect = {Quote(s.Effect == Effect.Allow ? "Allow" : "Deny")}\n");
                WriteList(writer, "actions", s.Action);
                WriteList(writer, "not_actions", s.NotAction);
                WriteList(writer, "resources", s.Resource);
                WriteList(writer, "not_resources", s.NotResource);
                WriteConditions(writer, s);
                writer.Write("  }\n");
            }

            writer.Write("}\n");
        }
    }

    /// <summary>A Terraform identifier: lower-case letters, digits and <c>_</c>, not starting with a digit.</summary>
    public static string Identifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length + 1);
        foreach (char c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        if (sb.Length == 0 || char.IsAsciiDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    private static void WriteConditions(TextWriter writer, Statement statement)
    {
        foreach (PolicyCondition condition in statement.Conditions)
        {
            writer.Write($"\n    condition {{\n      test     = {Quote(condition.OperatorName)}\n      variable = {Quote(condition.Key)}\n      values   = [\n");
            foreach (ConditionValue value in condition.Values)
            {
                writer.Write($"        {Quote(value.Text)},\n");
            }

            writer.Write("      ]\n    }\n");
        }
    }

    private static void WriteList(TextWriter writer, string name, PolicyValueList? list)
    {
        if (list is null)
        {
            return;
        }

        writer.Write($"\n    {name} = [\n");
        foreach (string value in list.Values)
        {
            writer.Write($"      {Quote(value)},\n");
        }

        writer.Write("    ]\n");
    }

    /// <summary>An HCL string literal; <c>${</c> and <c>%{</c> are escaped so IAM policy variables stay literal.</summary>
    private static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '$' or '%' when i + 1 < value.Length && value[i + 1] == '{':
                    sb.Append(c).Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
