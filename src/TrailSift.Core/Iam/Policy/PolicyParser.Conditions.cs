using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy.Internal;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Policy;

/// <summary>Parsing of the <c>Condition</c> element.</summary>
public static partial class PolicyParser
{
    private static ImmutableArray<PolicyCondition> ParseConditions(ParseContext context, string path, JsonNode node)
    {
        if (node.Kind != JsonKind.Object)
        {
            context.Error(path, node, $"expected an object of operators, not {node.KindName}");
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<PolicyCondition>();
        var seenOperators = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonNode.PropertyEnumerator property in node.EnumerateProperties())
        {
            (string operatorName, JsonNode block) = (property.Name.GetString(), property.Value);
            if (!seenOperators.Add(operatorName))
            {
                context.ErrorAt(path, property.Name.Offset, $"duplicate operator \"{operatorName}\"");
                continue;
            }

            // An unknown operator is kept (the evaluator treats it as never true) so that the statement is not
            // silently broadened by dropping one of its conditions.
            bool known = ConditionOperator.TryParse(operatorName, out ConditionOperator op);
            if (!known)
            {
                context.ErrorAt(path, property.Name.Offset, $"unknown operator \"{operatorName}\"");
            }
            else if (!string.Equals(op.ToString(), operatorName, StringComparison.Ordinal))
            {
                context.WarningAt(path, property.Name.Offset, $"operator \"{operatorName}\" is written in unusual case (expected \"{op}\")");
            }

            string operatorPath = path + "." + operatorName;
            if (block.Kind != JsonKind.Object)
            {
                context.Error(operatorPath, block, $"expected an object of condition keys, not {block.KindName}");
                continue;
            }

            if (block.ChildCount == 0)
            {
                context.Error(operatorPath, block, "the operator has no condition keys");
            }

            var seenKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonNode.PropertyEnumerator entry in block.EnumerateProperties())
            {
                (string key, JsonNode values) = (entry.Name.GetString(), entry.Value);
                string keyPath = operatorPath + "." + key;
                if (!seenKeys.Add(key))
                {
                    context.ErrorAt(keyPath, entry.Name.Offset, $"duplicate condition key \"{key}\"");
                    continue;
                }

                PolicyCondition? condition = ParseConditionValues(context, keyPath, operatorName, key, values);
                if (condition is not null)
                {
                    if (known)
                    {
                        CheckValues(context, keyPath, op, values, condition);
                    }

                    builder.Add(condition);
                }
            }
        }

        return builder.ToImmutable();
    }

    private static PolicyCondition? ParseConditionValues(ParseContext context, string path, string operatorName, string key, JsonNode node)
    {
        if (node.Kind == JsonKind.Array)
        {
            if (node.ChildCount == 0)
            {
                context.Error(path, node, "the array must not be empty");
            }

            var values = ImmutableArray.CreateBuilder<ConditionValue>(node.ChildCount);
            int i = 0;
            foreach (JsonNode item in node.EnumerateChildren())
            {
                if (ToConditionValue(item) is { } value)
                {
                    values.Add(value);
                }
                else
                {
                    context.Error($"{path}[{i}]", item, $"expected a string, number or boolean, not {item.KindName}");
                }

                i++;
            }

            return new PolicyCondition(operatorName, key, values.ToImmutable(), isArray: true);
        }

        if (ToConditionValue(node) is { } single)
        {
            return new PolicyCondition(operatorName, key, [single], isArray: false);
        }

        context.Error(path, node, $"expected a string, number, boolean or an array of them, not {node.KindName}");
        return null;
    }

    private static ConditionValue? ToConditionValue(JsonNode node) => node.Kind switch
    {
        JsonKind.String => new ConditionValue(node.Text!, ConditionValueKind.String),
        JsonKind.Number => new ConditionValue(node.Text!, ConditionValueKind.Number),
        JsonKind.True => new ConditionValue("true", ConditionValueKind.Boolean),
        JsonKind.False => new ConditionValue("false", ConditionValueKind.Boolean),
        _ => null,
    };

    /// <summary>Warns about values the operator cannot interpret; such values never match at evaluation.</summary>
    private static void CheckValues(ParseContext context, string path, ConditionOperator op, JsonNode node, PolicyCondition condition)
    {
        for (int i = 0; i < condition.Values.Length; i++)
        {
            string text = condition.Values[i].Text;
            JsonNode valueNode = node.Kind == JsonKind.Array && i < node.ChildCount ? node.GetElement(i) : node;
            string? problem = op.Kind switch
            {
                >= ConditionOperatorKind.NumericEquals and <= ConditionOperatorKind.NumericGreaterThanEquals =>
                    ConditionValueParsers.TryParseNumber(text, out _) ? null : "is not a number",
                >= ConditionOperatorKind.DateEquals and <= ConditionOperatorKind.DateGreaterThanEquals =>
                    ConditionValueParsers.TryParseDate(text, out _) ? null : "is not an ISO-8601 date or epoch seconds",
                ConditionOperatorKind.Bool or ConditionOperatorKind.Null =>
                    ConditionValueParsers.TryParseBool(text, out _) || text.Contains("${", StringComparison.Ordinal) ? null : "is not \"true\" or \"false\"",
                ConditionOperatorKind.BinaryEquals =>
                    ConditionValueParsers.TryParseBase64(text, out _) ? null : "is not base-64",
                ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress =>
                    ConditionValueParsers.TryParseCidr(text, out _) ? null : "is not an IP address or CIDR block",
                _ => null,
            };
            if (problem is not null)
            {
                context.Warning(path, valueNode, $"value \"{text}\" {problem}; it never matches");
            }
        }
    }
}
