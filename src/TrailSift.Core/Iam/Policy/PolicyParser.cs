using System.Collections.Immutable;
using System.Text;
using TrailSift.Core.Iam.Policy.Internal;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// Parses IAM JSON policy documents strictly, returning diagnostics with JSON paths and byte offsets
/// (<c>Statement[2].Condition: unknown operator "StringEqual"</c>) instead of throwing. Element names are
/// case-sensitive as in AWS; operator names are matched case-insensitively.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static partial class PolicyParser
{
    private static readonly string[] DocumentElements = ["Version", "Id", "Statement"];

    /// <summary>Parses a policy from a string.</summary>
    public static PolicyParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses a policy from UTF-8 bytes (a leading byte-order mark is skipped).</summary>
    public static PolicyParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        int bom = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        using IndexedJson? json = StrictJsonReader.Read(utf8[bom..], out string? error, out long errorOffset);
        if (json is null)
        {
            return new PolicyParseResult(null, [new PolicyDiagnostic(DiagnosticSeverity.Error, string.Empty, errorOffset + bom, error!)]);
        }

        var diagnostics = new List<PolicyDiagnostic>();
        PolicyDocument? document = ParseDocument(json.Root, string.Empty, diagnostics);
        return new PolicyParseResult(document, [.. diagnostics]);
    }

    /// <summary>Parses a policy held in an already-read JSON value; paths are prefixed with <paramref name="pathPrefix"/>.</summary>
    internal static PolicyDocument? ParseDocument(JsonNode root, string pathPrefix, List<PolicyDiagnostic> diagnostics)
    {
        var context = new ParseContext(pathPrefix, diagnostics);
        if (root.Kind != JsonKind.Object)
        {
            context.Error(string.Empty, root, $"a policy must be a JSON object, not {root.KindName}");
            return null;
        }

        string? version = null;
        string? id = null;
        ImmutableArray<Statement> statements = [];
        List<Statement> lintOnly = [];
        bool statementIsArray = true;
        bool sawStatement = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonNode.PropertyEnumerator property in root.EnumerateProperties())
        {
            (string name, JsonNode value) = (property.Name.GetString(), property.Value);
            if (!seen.Add(name))
            {
                context.ErrorAt(name, property.Name.Offset, $"duplicate element \"{name}\"");
                continue;
            }

            switch (name)
            {
                case "Version":
                    version = context.ExpectString(name, value);
                    if (version is not null and not PolicyDocument.Version2012 and not PolicyDocument.Version2008)
                    {
                        context.Error(name, value, $"unsupported version \"{version}\" (expected \"2012-10-17\" or \"2008-10-17\")");
                        version = null;
                    }

                    break;
                case "Id":
                    id = context.ExpectString(name, value);
                    break;
                case "Statement":
                    sawStatement = true;
                    statements = ParseStatements(context, value, out statementIsArray, lintOnly);
                    break;
                default:
                    context.ErrorAt(name, property.Name.Offset, $"unknown element \"{name}\" (expected one of {string.Join(", ", DocumentElements)})");
                    break;
            }
        }

        if (!sawStatement)
        {
            context.Error(string.Empty, root, "missing element \"Statement\"");
        }

        return new PolicyDocument
        {
            Version = version, Id = id, Statements = statements, StatementIsArray = statementIsArray, LintOnlyStatements = [.. lintOnly],
        };
    }

    private static ImmutableArray<Statement> ParseStatements(ParseContext context, JsonNode value, out bool isArray, List<Statement> lintOnly)
    {
        isArray = value.Kind == JsonKind.Array;
        if (value.Kind == JsonKind.Object)
        {
            Statement? single = ParseStatement(context, "Statement", value);
            if (single is { EffectUnknown: true })
            {
                lintOnly.Add(single with { SourceIndex = 0 });
                return [];
            }

            return single is null ? [] : [single with { SourceIndex = 0 }];
        }

        if (value.Kind != JsonKind.Array)
        {
            context.Error("Statement", value, $"expected an object or an array of objects, not {value.KindName}");
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<Statement>(value.ChildCount);
        int i = 0;
        foreach (JsonNode item in value.EnumerateChildren())
        {
            Statement? statement = ParseStatement(context, $"Statement[{i}]", item);
            if (statement is { EffectUnknown: true })
            {
                lintOnly.Add(statement with { SourceIndex = i });
            }
            else if (statement is not null)
            {
                builder.Add(statement with { SourceIndex = i });
            }

            i++;
        }

        return builder.ToImmutable();
    }

    /// <summary>Collects diagnostics with a path prefix.</summary>
    private sealed class ParseContext(string prefix, List<PolicyDiagnostic> diagnostics)
    {
        public void Error(string path, JsonNode node, string message) => ErrorAt(path, node.Offset, message);

        public void ErrorAt(string path, long offset, string message) =>
            diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, Join(path), offset, message));

        public void Warning(string path, JsonNode node, string message) => WarningAt(path, node.Offset, message);

        public void WarningAt(string path, long offset, string message) =>
            diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Warning, Join(path), offset, message));

        public string? ExpectString(string path, JsonNode node)
        {
            if (node.Kind == JsonKind.String)
            {
                return node.Text;
            }

            Error(path, node, $"expected a string, not {node.KindName}");
            return null;
        }

        private string Join(string path) =>
            prefix.Length == 0 ? path : path.Length == 0 ? prefix : path[0] == '[' ? prefix + path : prefix + "." + path;
    }
}
