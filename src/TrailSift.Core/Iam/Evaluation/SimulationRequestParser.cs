using System.Text;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Iam.Policy.Internal;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// Parses the simulate request JSON described in docs/simulate-request.md into a <see cref="PolicySet"/> and a
/// <see cref="RequestContext"/>, reporting diagnostics (with JSON paths and byte offsets) instead of throwing.
/// Policies may be given as JSON objects or as JSON strings holding a policy, as the AWS APIs return them.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class SimulationRequestParser
{
    private static readonly string[] TopLevel =
        ["request", "identityPolicies", "permissionBoundaries", "sessionPolicy", "resourcePolicy",
         "serviceControlPolicies", "resourceControlPolicies", "endpointPolicies", "requireResourcePolicyAllow", "missingKeyPolicy"];

    private static readonly string[] RequestFields =
        ["principal", "action", "resource", "resourceAccount", "principalAccount", "context", "unknownKeys", "wildcardOnlyAction", "resourceMatch"];

    /// <summary>Parses a simulate request from a string.</summary>
    public static SimulationParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses a simulate request from UTF-8 bytes.</summary>
    public static SimulationParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        var diagnostics = new List<PolicyDiagnostic>();
        int bom = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        using IndexedJson? json = StrictJsonReader.Read(utf8[bom..], out string? error, out long errorOffset);
        if (json is null)
        {
            diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, string.Empty, errorOffset + bom, error!));
            return new SimulationParseResult(null, [.. diagnostics]);
        }

        return Parse(json.Root, diagnostics);
    }

    internal static SimulationParseResult Parse(JsonNode root, List<PolicyDiagnostic> diagnostics)
    {
        if (root.Kind != JsonKind.Object)
        {
            Error(diagnostics, string.Empty, root, $"a simulate request must be a JSON object, not {root.KindName}");
            return new SimulationParseResult(null, [.. diagnostics]);
        }

        RequestContext? request = null;
        List<PolicyDocument>? identity = null, boundaries = null, endpoints = null;
        MissingKeyPolicy missingKeyPolicy = MissingKeyPolicy.Undecidable;
        PolicyDocument? session = null, resource = null;
        List<List<PolicyDocument>>? scps = null, rcps = null;
        bool? requireResource = null;
        foreach (JsonNode.PropertyEnumerator property in root.EnumerateProperties())
        {
            (string name, JsonNode value) = (property.Name.GetString(), property.Value);
            switch (name)
            {
                case "request":
                    request = ParseRequest(value, diagnostics);
                    break;
                case "identityPolicies":
                    identity = ParsePolicyList(name, value, diagnostics);
                    break;
                case "permissionBoundaries":
                    boundaries = ParsePolicyList(name, value, diagnostics);
                    break;
                case "sessionPolicy":
                    session = ParsePolicy(name, value, diagnostics);
                    break;
                case "resourcePolicy":
                    resource = ParsePolicy(name, value, diagnostics);
                    break;
                case "serviceControlPolicies":
                    scps = ParseLevels(name, value, diagnostics);
                    break;
                case "resourceControlPolicies":
                    rcps = ParseLevels(name, value, diagnostics);
                    break;
                case "endpointPolicies":
                    endpoints = ParsePolicyList(name, value, diagnostics);
                    break;
                case "missingKeyPolicy":
                    missingKeyPolicy = Choice(diagnostics, name, value, "undecidable", MissingKeyPolicy.Undecidable, "default", MissingKeyPolicy.AccountDefault);

                    break;
                case "requireResourcePolicyAllow":
                    requireResource = value.Kind switch
                    {
                        JsonKind.True => true,
                        JsonKind.False => false,
                        JsonKind.Null => null,
                        _ => ErrorNull<bool>(diagnostics, name, value, "expected true, false or null"),
                    };
                    break;
                default:
                    diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, name, property.Name.Offset,
                        $"unknown field \"{name}\" (expected one of {string.Join(", ", TopLevel)})"));
                    break;
            }
        }

        if (!HasProperty(root, "request"))
        {
            Error(diagnostics, string.Empty, root, "missing field \"request\"");
        }

        foreach (PolicyDiagnostic diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return new SimulationParseResult(null, [.. diagnostics]);
            }
        }

        var set = new PolicySet(identity, boundaries, session, resource, scps, rcps, requireResource, endpoints, missingKeyPolicy);
        return new SimulationParseResult(new SimulationRequest(set, request!), [.. diagnostics]);
    }

    private static RequestContext? ParseRequest(JsonNode node, List<PolicyDiagnostic> diagnostics)
    {
        const string path = "request";
        if (node.Kind != JsonKind.Object)
        {
            Error(diagnostics, path, node, $"expected an object, not {node.KindName}");
            return null;
        }

        string? principal = null, action = null, resource = null, resourceAccount = null, principalAccount = null;
        var context = new List<KeyValuePair<string, ContextValue>>();
        var unknown = new List<string>();
        bool wildcardOnly = false;
        ResourceMatchMode resourceMatch = ResourceMatchMode.Every;
        foreach (JsonNode.PropertyEnumerator property in node.EnumerateProperties())
        {
            (string name, JsonNode value) = (property.Name.GetString(), property.Value);
            string fieldPath = path + "." + name;
            switch (name)
            {
                case "principal":
                    principal = value.Kind == JsonKind.Null ? null : ExpectString(diagnostics, fieldPath, value);
                    if (principal is { Length: 0 })
                    {
                        Error(diagnostics, fieldPath, value, "empty principal (null or no principal means an anonymous request)");
                        principal = null;
                    }

                    break;
                case "action":
                    action = ExpectString(diagnostics, fieldPath, value);
                    if (action is not null && ActionProblem(action) is { } problem)
                    {
                        Error(diagnostics, fieldPath, value, problem);
                        action = null;
                    }

                    break;
                case "resourceMatch":
                    resourceMatch = Choice(diagnostics, fieldPath, value, "every", ResourceMatchMode.Every, "any", ResourceMatchMode.Any);

                    break;
                case "resource":
                    resource = ExpectString(diagnostics, fieldPath, value);
                    break;
                case "resourceAccount":
                    resourceAccount = ExpectString(diagnostics, fieldPath, value);
                    break;
                case "principalAccount":
                    principalAccount = ExpectString(diagnostics, fieldPath, value);
                    break;
                case "wildcardOnlyAction":
                    wildcardOnly = value.Kind == JsonKind.True;
                    if (value.Kind is not (JsonKind.True or JsonKind.False))
                    {
                        Error(diagnostics, fieldPath, value, "expected true or false");
                    }

                    break;
                case "context":
                    ParseContext(fieldPath, value, context, diagnostics);
                    break;
                case "unknownKeys":
                    ParseStrings(fieldPath, value, unknown, diagnostics, stringsOnly: true);
                    break;
                default:
                    diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, fieldPath, property.Name.Offset,
                        $"unknown field \"{name}\" (expected one of {string.Join(", ", RequestFields)})"));
                    break;
            }
        }

        if (action is null && !HasProperty(node, "action"))
        {
            Error(diagnostics, path, node, "missing field \"action\"");
        }

        if (resource is { Length: 0 })
        {
            Error(diagnostics, path + ".resource", node, "empty resource (use \"*\" for actions without a resource)");
            resource = null;
        }

        if (resource is null && !HasProperty(node, "resource"))
        {
            Error(diagnostics, path, node, "missing field \"resource\" (use \"*\" for actions without a resource)");
        }

        return action is null || resource is null ? null
            : new RequestContext(action, resource, principal, context, unknown, resourceAccount, principalAccount, wildcardOnly,
                resourceMatch: resourceMatch);
    }

    private static void ParseContext(string path, JsonNode node, List<KeyValuePair<string, ContextValue>> context, List<PolicyDiagnostic> diagnostics)
    {
        if (node.Kind != JsonKind.Object)
        {
            Error(diagnostics, path, node, $"expected an object of keys, not {node.KindName}");
            return;
        }

        foreach (JsonNode.PropertyEnumerator property in node.EnumerateProperties())
        {
            (string key, JsonNode value) = (property.Name.GetString(), property.Value);
            if (value.Kind == JsonKind.Array)
            {
                var values = new List<string>();
                ParseStrings(path + "." + key, value, values, diagnostics);
                context.Add(new KeyValuePair<string, ContextValue>(key, new ContextValue(values)));
            }
            else if (Scalar(value) is { } text)
            {
                context.Add(new KeyValuePair<string, ContextValue>(key, text));
            }
            else
            {
                Error(diagnostics, path + "." + key, value, $"expected a string, number, boolean or an array of them, not {value.KindName}");
            }
        }
    }

    // The request action must name one action (wildcards allowed): service:Name with a service prefix of letters, digits
    // and dashes, and no spaces or commas.
    private static string? ActionProblem(string action)
    {
        int colon = action.IndexOf(':', StringComparison.Ordinal);
        if (action.Length == 0)
        {
            return "empty action (expected service:Action, such as s3:GetObject)";
        }

        if (colon <= 0 || colon == action.Length - 1 || action.IndexOf(':', colon + 1) >= 0)
        {
            return $"\"{action}\" is not of the form service:Action (such as s3:GetObject)";
        }

        foreach (char c in action)
        {
            if (char.IsWhiteSpace(c) || c == ',' || char.IsControl(c))
            {
                return $"\"{action}\" holds whitespace, a comma or a control character";
            }
        }

        return null;
    }

    private static void ParseStrings(string path, JsonNode node, List<string> into, List<PolicyDiagnostic> diagnostics, bool stringsOnly = false)
    {
        if (node.Kind != JsonKind.Array)
        {
            Error(diagnostics, path, node, $"expected an array, not {node.KindName}");
            return;
        }

        int i = -1;
        foreach (JsonNode item in node.EnumerateChildren())
        {
            i++;
            if ((stringsOnly ? (item.Kind == JsonKind.String ? item.Text : null) : Scalar(item)) is { } text)
            {
                into.Add(text);
            }
            else
            {
                Error(diagnostics, $"{path}[{i}]", item, $"expected a string, not {item.KindName}");
            }
        }
    }

    private static string? Scalar(JsonNode node) => node.Kind switch
    {
        JsonKind.String or JsonKind.Number => node.Text,
        JsonKind.True => "true",
        JsonKind.False => "false",
        _ => null,
    };

    private static List<List<PolicyDocument>>? ParseLevels(string path, JsonNode node, List<PolicyDiagnostic> diagnostics)
    {
        if (node.Kind != JsonKind.Array)
        {
            Error(diagnostics, path, node, "expected an array of levels (root first), each an array of policies");
            return null;
        }

        var levels = new List<List<PolicyDocument>>();
        int i = -1;
        foreach (JsonNode item in node.EnumerateChildren())
        {
            i++;
            levels.Add(ParsePolicyList($"{path}[{i}]", item, diagnostics) ?? []);
        }

        return levels;
    }

    private static List<PolicyDocument>? ParsePolicyList(string path, JsonNode node, List<PolicyDiagnostic> diagnostics)
    {
        if (node.Kind != JsonKind.Array)
        {
            Error(diagnostics, path, node, $"expected an array of policies, not {node.KindName}");
            return null;
        }

        var policies = new List<PolicyDocument>();
        int i = -1;
        foreach (JsonNode item in node.EnumerateChildren())
        {
            i++;
            if (ParsePolicy($"{path}[{i}]", item, diagnostics) is { } policy)
            {
                policies.Add(policy);
            }
        }

        return policies;
    }

    private static PolicyDocument? ParsePolicy(string path, JsonNode node, List<PolicyDiagnostic> diagnostics)
    {
        if (node.Kind == JsonKind.Null)
        {
            return null;
        }

        if (node.Kind == JsonKind.String)
        {
            // A policy embedded as a string (as IAM APIs return it); offsets are relative to the string's content.
            PolicyParseResult parsed = PolicyParser.Parse(node.Text!);
            foreach (PolicyDiagnostic diagnostic in parsed.Diagnostics)
            {
                diagnostics.Add(diagnostic with { Path = diagnostic.Path.Length == 0 ? path : path + "." + diagnostic.Path });
            }

            return parsed.Document;
        }

        return PolicyParser.ParseDocument(node, path, diagnostics);
    }

    private static string? ExpectString(List<PolicyDiagnostic> diagnostics, string path, JsonNode node)
    {
        if (node.Kind == JsonKind.String)
        {
            return node.Text;
        }

        Error(diagnostics, path, node, $"expected a string, not {node.KindName}");
        return null;
    }

    private static bool HasProperty(JsonNode node, string name) => node.FirstProperty(name) is not null;

    // One of two strings; anything else is an error and gives the first (default) value.
    private static T Choice<T>(List<PolicyDiagnostic> diagnostics, string path, JsonNode node, string first, T firstValue, string second, T secondValue)
    {
        string? text = node.Kind == JsonKind.String ? node.Text : null;
        if (text == second)
        {
            return secondValue;
        }

        if (text != first)
        {
            Error(diagnostics, path, node, $"expected \"{first}\" or \"{second}\"");
        }

        return firstValue;
    }

    private static T? ErrorNull<T>(List<PolicyDiagnostic> diagnostics, string path, JsonNode node, string message)
        where T : struct
    {
        Error(diagnostics, path, node, message);
        return null;
    }

    private static void Error(List<PolicyDiagnostic> diagnostics, string path, JsonNode node, string message) =>
        diagnostics.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, path, node.Offset, message));
}
