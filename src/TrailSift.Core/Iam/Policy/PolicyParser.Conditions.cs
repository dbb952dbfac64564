using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy.Internal;

namespace TrailSift.Core.Iam.Policy;

/// <summary>Parsing of the <c>Condition</c> element.</summary>
public static partial class PolicyParser
{
    private static ImmutableArray<PolicyCondition> ParseConditions(ParseContext context, string path, JsonTreeNode node)
    {
        if (node.Kind != JsonTreeKind.Object)
        {
            context.Error(path, node, $"expected an object of operators, not {node.KindName}");
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<PolicyCondition>();
        var seenOperators = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < node.Properties.Count; i++)
        {
            (string operatorName, JsonTreeNode block) = node.Properties[i];
            if (!seenOperators.Add(operatorName))
            {
                context.ErrorAt(path, node.PropertyOffsets[i], $"duplicate operator \"{operatorName}\"");
                continue;
            }

            // An unknown operator is kept (the evaluator treats it as never true) so that the statement is not
            // silently broadened by dropping one of its conditions.
            bool known = ConditionOperator.TryParse(operatorName, out ConditionOperator op);
            if (!known)
            {
                context.ErrorAt(path, node.PropertyOffsets[i], $"unknown operator \"{operatorName}\"");
            }
            else if (!string.Equals(op.ToString(), operatorName, StringComparison.Ordinal))
            {
                context.WarningAt(path, node.PropertyOffsets[i], $"operator \"{operatorName}\" is written in unusual case (expected \"{op}\")");
            }

            string operatorPath = path + "." + operatorName;
            if (block.Kind != JsonTreeKind.Object)
            {
                context.Error(operatorPath, block, $"expected an object of condition keys, not {block.KindName}");
                continue;
            }

            if (block.Properties.Count == 0)
            {
                context.Error(operatorPath, block, "the operator has no condition keys");
            }

            var seenKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int k = 0; k < block.Properties.Count; k++)
            {
                (string key, JsonTreeNode values) = block.Properties[k];
                string keyPath = operatorPath + "." + key;
                if (!seenKeys.Add(key))
                {
                    context.ErrorAt(keyPath, block.PropertyOffsets[k], $"duplicate condition key \"{key}\"");
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

    private static PolicyCondition? ParseConditionValues(ParseContext context, string path, string operatorName, string key, JsonTreeNode node)
    {
        if (node.Kind == JsonTreeKind.Array)
        {
            if (node.Items.Count == 0)
            {
                context.Error(path, node, "the array must not be empty");
            }

            var values = ImmutableArray.CreateBuilder<ConditionValue>(node.Items.Count);
            for (int i = 0; i < node.Items.Count; i++)
            {
                if (ToConditionValue(node.Items[i]) is { } value)
                {
                    values.Add(value);
                }
                else
                {
                    context.Error($"{path}[{i}]", node.Items[i], $"expected a string, number or boolean, not {node.Items[i].KindName}");
                }
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

    private static ConditionValue? ToConditionValue(JsonTreeNode node) => node.Kind switch
    {
        JsonTreeKind.String => new ConditionValue(node.Text!, ConditionValueKind.String),
        JsonTreeKind.Number => new ConditionValue(node.Text!, ConditionValueKind.Number),
        JsonTreeKind.True => new ConditionValue("true", ConditionValueKind.Boolean),
        JsonTreeKind.False => new ConditionValue("false", ConditionValueKind.Boolean),
        _ => null,
    };

    /// <summary>Warns about values the operator cannot interpret; such values never match at evaluation.</summary>
    private static void CheckValues(ParseContext context, string path, ConditionOperator op, JsonTreeNode node, PolicyCondition condition)
    {
        for (int i = 0; i < condition.Values.Length; i++)
        {
            string text = condition.Values[i].Text;
            JsonTreeNode valueNode = node.Kind == JsonTreeKind.Array && i < node.Items.Count ? node.Items[i] : node;
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
