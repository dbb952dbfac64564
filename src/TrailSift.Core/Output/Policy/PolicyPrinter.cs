using System.Text;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output.Policy;

/*! Output/Policy: printers for generated policies (JSON documents, Terraform, CloudFormation YAML) and their
    evidence (--explain). They render GeneratedPolicy records and compute nothing. Depend on Analysis/Generation,
    Iam/Policy and the BCL. */

/// <summary>Prints a <see cref="GeneratedPolicy"/>'s documents in one <see cref="PolicyFormat"/>.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class PolicyPrinter
{
    /// <summary>The file extension for a format (<c>.json</c>, <c>.tf</c>, <c>.yaml</c>).</summary>
    public static string Extension(PolicyFormat format) => format switch
    {
        PolicyFormat.Terraform => ".tf",
        PolicyFormat.CloudFormation => ".yaml",
        _ => ".json",
    };

    /// <summary>Writes the documents; several documents follow one another (JSON values, data sources, YAML documents).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="format">The format.</param>
    /// <param name="name">The name for Terraform data sources (sanitised here).</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(GeneratedPolicy policy, PolicyFormat format, string name, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(writer);
        switch (format)
        {
            case PolicyFormat.Terraform:
                TerraformPolicyWriter.Write(policy.Documents, name, writer);
                break;
            case PolicyFormat.CloudFormation:
                CloudFormationPolicyWriter.Write(policy.Documents, writer);
                break;
            default:
                foreach (PolicyDocument document in policy.Documents)
                {
                    writer.Write(PolicyWriter.WriteToString(document, indented: true).Replace("\r\n", "\n", StringComparison.Ordinal));
                    writer.Write('\n');
                }

                break;
        }
    }

    /// <summary>A name safe for files and Terraform identifiers: letters, digits, <c>_</c>, <c>-</c>, <c>.</c>; others become <c>_</c>.</summary>
    public static string SafeName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        }

        return sb.Length == 0 ? "_" : sb.ToString();
    }
}
