using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>
/// Evaluates iam-dataset's value templates (<c>${Param}</c>, <c>%%many%…%%</c>, <c>%%iftruthy%…%%</c>,
/// <c>%%urlencode%…%%</c>) over a synthetic request; <c>%%regex%…%%</c> and <c>%%iftemplatematch%…%%</c> are not
/// evaluated (null). Also lists the request parameters a template reads, to build that request.
/// </summary>
internal static partial class ReferenceTemplates
{
    [GeneratedRegex(@"\$\{([A-Za-z0-9_.\[\]]+)\}")]
    private static partial Regex Reference();

    /// <summary>The parameter paths a template reads (<c>NetworkInterfaces[].NetworkInterfaceId</c>), without Partition/Region/Account.</summary>
    public static IEnumerable<string> Parameters(string template)
    {
        foreach (Match match in Reference().Matches(template))
        {
            string name = match.Groups[1].Value;
            if (name is not ("Partition" or "Region" or "Account"))
            {
                yield return name;
            }
        }
    }

    /// <summary>The values of a template; null when it uses a function this evaluator does not model.</summary>
    public static List<string>? Evaluate(string template, IReadOnlyDictionary<string, string> values)
    {
        if (template.StartsWith("%%", StringComparison.Ordinal) && template.EndsWith("%%", StringComparison.Ordinal))
        {
            string[] parts = template[2..^2].Split('%');
            switch (parts[0])
            {
                case "many":
                    var all = new List<string>();
                    foreach (string part in parts.Skip(1).Where(p => p.Length > 0))
                    {
                        if (Evaluate(part, values) is not { } one)
                        {
                            return null;
                        }

                        all.AddRange(one);
                    }

                    return all;
                case "iftruthy" when parts.Length >= 3:
                    bool truthy = Parameters(parts[1]).All(values.ContainsKey) && Parameters(parts[1]).Any();
                    string branch = truthy ? parts[2] : parts.Length > 3 ? parts[3] : string.Empty;
                    return branch.Length == 0 ? [] : Evaluate(branch, values);
                case "urlencode" when parts.Length >= 2:
                    return Evaluate(parts[1], values);
                default:
                    return null;
            }
        }

        if (template.Contains("%%", StringComparison.Ordinal))
        {
            return null;
        }

        bool missing = false;
        string text = Reference().Replace(template, m =>
        {
            if (values.TryGetValue(m.Groups[1].Value, out string? value))
            {
                return value;
            }

            missing = true;
            return string.Empty;
        });
        return missing ? [] : [text];
    }

    /// <summary>Sets <c>A.B[].C</c> in <paramref name="request"/> (lower-camel names; <c>[]</c> makes a one-element array).</summary>
    public static void Set(Dictionary<string, object> request, string path, string value)
    {
        string[] segments = path.Split('.');
        Dictionary<string, object> node = request;
        for (int i = 0; i < segments.Length; i++)
        {
            bool array = segments[i].EndsWith("[]", StringComparison.Ordinal);
            string name = LowerCamel(array ? segments[i][..^2] : segments[i]);
            bool last = i == segments.Length - 1;
            if (last)
            {
                node[name] = array ? new List<object> { value } : value;
                return;
            }

            if (!node.TryGetValue(name, out object? child))
            {
                var next = new Dictionary<string, object>();
                node[name] = array ? new List<object> { next } : next;
                node = next;
            }
            else
            {
                node = child is List<object> list ? (Dictionary<string, object>)list[0] : (Dictionary<string, object>)child;
            }
        }
    }

    /// <summary>CloudTrail's spelling of an SDK parameter: the first letter in lower case.</summary>
    public static string LowerCamel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The JSON of a template entry's string value (<c>{"template": "..."}</c> or a plain string).</summary>
    public static string? TemplateOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Object && value.TryGetProperty("template", out JsonElement t) ? t.GetString() : null;
}
