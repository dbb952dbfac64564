using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy.Internal;

namespace TrailSift.Core.Iam.Policy;

/// <summary>Statement-level parsing: elements, value lists, principals and conditions.</summary>
public static partial class PolicyParser
{
    private static readonly string[] PrincipalTypes = ["AWS", "Service", "Federated", "CanonicalUser"];

    private static Statement? ParseStatement(ParseContext context, string path, JsonTreeNode node)
    {
        if (node.Kind != JsonTreeKind.Object)
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
        for (int i = 0; i < node.Properties.Count; i++)
        {
            (string name, JsonTreeNode value) = node.Properties[i];
            string elementPath = path + "." + name;
            if (!seen.Add(name))
            {
                context.ErrorAt(elementPath, node.PropertyOffsets[i], $"duplicate element \"{name}\"");
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
                    context.ErrorAt(elementPath, node.PropertyOffsets[i], $"unknown element \"{name}\"");
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

    private static void CheckPair(ParseContext context, string path, JsonTreeNode node, HashSet<string> seen,
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

    private static Effect? ParseEffect(ParseContext context, string path, JsonTreeNode value)
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

    private static PolicyValueList? ParseValueList(ParseContext context, string path, JsonTreeNode value)
    {
        if (value.Kind == JsonTreeKind.String)
        {
            return PolicyValueList.Single(value.Text!);
        }

        if (value.Kind != JsonTreeKind.Array)
        {
            context.Error(path, value, $"expected a string or an array of strings, not {value.KindName}");
            return null;
        }

        if (value.Items.Count == 0)
        {
            context.Error(path, value, "the array must not be empty");
        }

        var builder = ImmutableArray.CreateBuilder<string>(value.Items.Count);
        for (int i = 0; i < value.Items.Count; i++)
        {
            JsonTreeNode item = value.Items[i];
            if (item.Kind == JsonTreeKind.String)
            {
                builder.Add(item.Text!);
            }
            else
            {
                context.Error($"{path}[{i}]", item, $"expected a string, not {item.KindName}");
            }
        }

        return new PolicyValueList(builder.ToImmutable(), isArray: true);
    }

    private static PolicyPrincipal? ParsePrincipal(ParseContext context, string path, JsonTreeNode value)
    {
        if (value.Kind == JsonTreeKind.String)
        {
            if (value.Text == "*")
            {
                return PolicyPrincipal.Wildcard;
            }

            context.Error(path, value, "a principal must be \"*\" or an object such as {\"AWS\": \"arn:aws:iam::111122223333:root\"}");
            return null;
        }

        if (value.Kind != JsonTreeKind.Object)
        {
            context.Error(path, value, $"expected \"*\" or an object, not {value.KindName}");
            return null;
        }

        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, PolicyValueList>>(value.Properties.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < value.Properties.Count; i++)
        {
            (string type, JsonTreeNode values) = value.Properties[i];
            if (!seen.Add(type))
            {
                context.ErrorAt(path + "." + type, value.PropertyOffsets[i], $"duplicate principal type \"{type}\"");
                continue;
            }

            if (Array.IndexOf(PrincipalTypes, type) < 0)
            {
                context.ErrorAt(path + "." + type, value.PropertyOffsets[i],
                    $"unknown principal type \"{type}\" (expected one of {string.Join(", ", PrincipalTypes)})");
                continue;
            }

            PolicyValueList? list = ParseValueList(context, path + "." + type, values);
            if (list is not null)
            {
                entries.Add(new KeyValuePair<string, PolicyValueList>(type, list));
            }
        }

        if (value.Properties.Count == 0)
        {
            context.Error(path, value, "the principal object must not be empty");
        }

        return PolicyPrincipal.FromEntries(entries.ToImmutable());
    }
}
