using System.Collections.Immutable;
using System.Text;
using TrailSift.Core.Iam.Policy.Internal;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// Reads the policy documents of a file as people have them: a bare policy; several documents one after another
/// (<c>trailsift policy</c>'s output when it splits); or a policy wrapped in AWS CLI output —
/// <c>aws iam get-policy-version</c> (<c>PolicyVersion.Document</c>), <c>get-role-policy</c>/<c>get-user-policy</c>/
/// <c>get-group-policy</c> (<c>PolicyDocument</c>), <c>get-role</c> (<c>Role.AssumeRolePolicyDocument</c>),
/// <c>s3api get-bucket-policy</c> and <c>kms get-key-policy</c> (<c>Policy</c>, a JSON string) and
/// <c>organizations describe-policy</c> (<c>Policy.Content</c>). A wrapped document may be an object, a JSON string,
/// or a URL-encoded string as the IAM API returns it (<c>%7B%22Version%22…</c>).
/// </summary>
/// <remarks>Stateless; thread-safe. Never throws on bad input: problems are diagnostics.</remarks>
public static class PolicyInputReader
{
    /// <summary>Reads every policy document of <paramref name="utf8"/> (a leading byte-order mark is skipped).</summary>
    public static ImmutableArray<PolicyInputDocument> Read(ReadOnlySpan<byte> utf8)
    {
        int bom = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        using IndexedJson? json = StrictJsonReader.ReadMany(utf8[bom..], out List<JsonNode> values, out string? error, out long offset);
        if (json is null || values.Count == 0)
        {
            var diagnostic = new PolicyDiagnostic(DiagnosticSeverity.Error, string.Empty, json is null ? offset + bom : 0, error ?? "the document is empty");
            return [new PolicyInputDocument(null, string.Empty, new PolicyParseResult(null, [diagnostic]))];
        }

        var documents = ImmutableArray.CreateBuilder<PolicyInputDocument>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            (JsonNode node, string wrapper) = Unwrap(values[i]);
            string? label = values.Count > 1 ? $"#{i + 1}" : null;
            documents.Add(new PolicyInputDocument(label, wrapper, Parse(node, wrapper)));
        }

        return documents.MoveToImmutable();
    }

    private static PolicyParseResult Parse(JsonNode node, string wrapper)
    {
        if (node.Kind != JsonKind.String)
        {
            var diagnostics = new List<PolicyDiagnostic>();
            PolicyDocument? document = PolicyParser.ParseDocument(node, wrapper, diagnostics);
            return new PolicyParseResult(document, [.. diagnostics]);
        }

        // A policy inside a string: offsets are relative to the string, so every diagnostic names the wrapper path.
        string text = node.Text!.Trim();
        if (!text.StartsWith('{') && text.Contains('%', StringComparison.Ordinal))
        {
            text = Uri.UnescapeDataString(text);
        }

        PolicyParseResult parsed = PolicyParser.Parse(Encoding.UTF8.GetBytes(text));
        string where = wrapper.Length == 0 ? "(a JSON string)" : wrapper;
        return new PolicyParseResult(parsed.Document, [.. parsed.Diagnostics.Select(d => d with
        {
            Path = d.Path.Length == 0 ? where : where + "." + d.Path,
            Message = d.Path.Length == 0 && d.Offset >= 0 ? $"{d.Message} (at byte {d.Offset} of the policy string)" : d.Message,
        })]);
    }

    // CLI output shapes, outermost first; anything else is taken as the policy itself.
    private static (JsonNode Node, string Path) Unwrap(JsonNode node)
    {
        if (node.Kind != JsonKind.Object || node.FirstProperty("Statement") is not null)
        {
            return (node, string.Empty);
        }

        if (node.FirstProperty("PolicyVersion") is { Kind: JsonKind.Object } version && version.FirstProperty("Document") is { } document)
        {
            return (document, "PolicyVersion.Document");
        }

        if (node.FirstProperty("PolicyDocument") is { } inline)
        {
            return (inline, "PolicyDocument");
        }

        if (node.FirstProperty("Role") is { Kind: JsonKind.Object } role && role.FirstProperty("AssumeRolePolicyDocument") is { } trust)
        {
            return (trust, "Role.AssumeRolePolicyDocument");
        }

        if (node.FirstProperty("Policy") is { } policy)
        {
            return policy.Kind == JsonKind.Object && policy.FirstProperty("Content") is { } content
                ? (content, "Policy.Content")
                : (policy, "Policy");
        }

        return (node, string.Empty);
    }
}
