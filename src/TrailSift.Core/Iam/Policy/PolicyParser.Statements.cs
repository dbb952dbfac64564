using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy.Internal;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Policy;

/// <summary>Statement-level parsing: elements, value lists, principals and conditions.</summary>
public static partial class PolicyParser
{
    private static readonly string[] PrincipalTypes = ["AWS", "Service", "Federated", "CanonicalUser"];

    private static Statement? ParseStatement(ParseContext context, string path, JsonNode node)
    {
        if (node.Kind != JsonKind.Object)
        {
            context.Error(path, node, $"a statement must be an object, not {node.KindName}");
            return null;
        }

        string? sid = null;
        Effect? effect = null;
        PolicyPrincipal? principal = null, notPrincipal = null;
        PolicyValueList? action = null, notAction = null, resource = null, notResource = null;
        ImmutableArray<PolicyCondition> conditions = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonNode.PropertyEnumerator property in node.EnumerateProperties())
        {
            (string name, JsonNode value) = (property.Name.GetString(), property.Value);
            string elementPath = path + "." + name;
            if (!seen.Add(name))
            {
                context.ErrorAt(elementPath, property.Name.Offset, $"duplicate element \"{name}\"");
                continue;
            }

            switch (name)
            {
                case "Sid":
                    sid = context.ExpectString(elementPath, value);
                    break;
                case "Effect":
                    effect = ParseEffect(context, elementPath, value);
                    break;
                case "Principal":
                    principal = ParsePrincipal(context, elementPath, value);
                    break;
                case "NotPrincipal":
                    notPrincipal = ParsePrincipal(context, elementPath, value);
                    break;
                case "Action":
                    action = ParseValueList(context, elementPath, value);
                    break;
                case "NotAction":
                    notAction = ParseValueList(context, elementPath, value);
                    break;
                case "Resource":
                    resource = ParseValueList(context, elementPath, value);
                    break;
                case "NotResource":
                    notResource = ParseValueList(context, elementPath, value);
                    break;
                case "Condition":
                    conditions = ParseConditions(context, elementPath, value);
                    break;
                default:
                    context.ErrorAt(elementPath, property.Name.Offset, $"unknown element \"{name}\"");
                    break;
            }
        }

        if (!seen.Contains("Effect"))
        {
            context.Error(path, node, "missing element \"Effect\"");
        }

        CheckPair(context, path, node, seen, "Action", "NotAction", required: true);
        CheckPair(context, path, node, seen, "Resource", "NotResource", required: false);
        CheckPair(context, path, node, seen, "Principal", "NotPrincipal", required: false);
        // A statement without a valid Effect is kept (flagged) so the linter still checks its other elements.
        return new Statement
        {
            EffectUnknown = effect is null,
            Sid = sid,
            Effect = effect ?? Effect.Allow,
            Principal = principal,
            NotPrincipal = notPrincipal,
            Action = action,
            NotAction = notAction,
            Resource = resource,
            NotResource = notResource,
            Conditions = conditions,
        };
    }

    private static void CheckPair(ParseContext context, string path, JsonNode node, HashSet<string> seen,
        string positive, string negative, bool required)
    {
        bool hasPositive = seen.Contains(positive), hasNegative = seen.Contains(negative);
        if (hasPositive && hasNegative)
        {
            context.Error(path, node, $"\"{positive}\" and \"{negative}\" cannot both be present");
        }
        else if (required && !hasPositive && !hasNegative)
        {
            context.Error(path, node, $"missing element \"{positive}\" or \"{negative}\"");
        }
    }

    private static Effect? ParseEffect(ParseContext context, string path, JsonNode value)
    {
        string? text = context.ExpectString(path, value);
        switch (text)
        {
            case null:
                return null;
            case "Allow":
                return Effect.Allow;
            case "Deny":
                return Effect.Deny;
            default:
                context.Error(path, value, $"invalid value \"{text}\" (expected \"Allow\" or \"Deny\"; the value is case-sensitive)");
                return null;
        }
    }

    private static PolicyValueList? ParseValueList(ParseContext context, string path, JsonNode value)
    {
        if (value.Kind == JsonKind.String)
        {
            return PolicyValueList.Single(value.Text!);
        }

        if (value.Kind != JsonKind.Array)
        {
            context.Error(path, value, $"expected a string or an array of strings, not {value.KindName}");
            return null;
        }

        if (value.ChildCount == 0)
        {
            context.Error(path, value, "the array must not be empty");
        }

        var builder = ImmutableArray.CreateBuilder<string>(value.ChildCount);
        int i = 0;
        foreach (JsonNode item in value.EnumerateChildren())
        {
            if (item.Kind == JsonKind.String)
            {
                builder.Add(item.Text!);
            }
            else
            {
                context.Error($"{path}[{i}]", item, $"expected a string, not {item.KindName}");
            }

            i++;
        }

        return new PolicyValueList(builder.ToImmutable(), isArray: true);
    }

    private static PolicyPrincipal? ParsePrincipal(ParseContext context, string path, JsonNode value)
    {
        if (value.Kind == JsonKind.String)
        {
            if (value.Text == "*")
            {
                return PolicyPrincipal.Wildcard;
            }

            context.Error(path, value, "a principal must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}");
            return null;
        }

        if (value.Kind != JsonKind.Object)
        {
            context.Error(path, value, $"expected \"*\" or an object, not {value.KindName}");
            return null;
        }

        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, PolicyValueList>>(value.ChildCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonNode.PropertyEnumerator property in value.EnumerateProperties())
        {
            (string type, JsonNode values) = (property.Name.GetString(), property.Value);
            if (!seen.Add(type))
            {
                context.ErrorAt(path + "." + type, property.Name.Offset, $"duplicate principal type \"{type}\"");
                continue;
            }

            if (Array.IndexOf(PrincipalTypes, type) < 0)
            {
                context.ErrorAt(path + "." + type, property.Name.Offset,
                    $"unknown principal type \"{type}\" (expected one of {string.Join(", ", PrincipalTypes)})");
                continue;
            }

            PolicyValueList? list = ParseValueList(context, path + "." + type, values);
            if (list is not null)
            {
                entries.Add(new KeyValuePair<string, PolicyValueList>(type, list));
            }
        }

        if (value.ChildCount == 0)
        {
            context.Error(path, value, "the principal object must not be empty");
        }

        return PolicyPrincipal.FromEntries(entries.ToImmutable());
    }
}
