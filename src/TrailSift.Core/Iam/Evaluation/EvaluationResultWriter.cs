using System.Buffers;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Common;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// Renders an <see cref="EvaluationResult"/> as JSON (<c>{"decision": …, "trace": […]}</c>, see
/// docs/simulate-request.md) or as a short readable explanation.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static partial class EvaluationResultWriter
{
    /// <summary>Writes the result as one JSON object.</summary>
    public static void WriteJson(EvaluationResult result, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("decision", result.Decision.ToString());
        writer.WriteBoolean("decidable", result.IsDecidable);
        writer.WriteStartArray("possibleDecisions");
        foreach (Decision decision in result.PossibleDecisions)
        {
            writer.WriteStringValue(decision.ToString());
        }

        writer.WriteEndArray();
        writer.WriteString("reason", Camel(result.Reason.ToString()));
        if (result.DecidingPolicyType is { } type)
        {
            writer.WriteString("decidingPolicyType", Camel(type.ToString()));
        }

        if (result.DecidingLevel >= 0)
        {
            writer.WriteNumber("decidingLevel", result.DecidingLevel);
        }

        if (result.DecidingPolicyIndex >= 0)
        {
            writer.WriteNumber("decidingPolicyIndex", result.DecidingPolicyIndex);
        }

        writer.WriteStringArray("unknownKeys", result.UnknownKeys);
        if (result.AwsRule is { } rule)
        {
            writer.WriteString("policyDecision", result.PolicyDecision.ToString());
            writer.WriteStartObject("awsRule");
            writer.WriteString("id", rule.Id);
            writer.WriteString("statement", rule.Statement);
            writer.WriteString("source", rule.SourceTitle);
            writer.WriteString("url", rule.SourceUrl);
            writer.WriteEndObject();
        }

        if (result.Notes.Length > 0)
        {
            writer.WriteStringArray("notes", result.Notes);
        }

        writer.WriteStartArray("trace");
        foreach (StatementTrace statement in result.Trace)
        {
            WriteStatement(statement, writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes the result as an indented JSON string.</summary>
    public static string ToJsonString(EvaluationResult result, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, PolicyWriter.GetOptions(indented)))
        {
            WriteJson(result, writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteStatement(StatementTrace statement, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("policyType", Camel(statement.PolicyType.ToString()));
        if (statement.Level >= 0)
        {
            writer.WriteNumber("level", statement.Level);
        }

        writer.WriteNumber("policyIndex", statement.PolicyIndex);
        writer.WriteNumber("statementIndex", statement.StatementIndex);
        if (statement.Sid is not null)
        {
            writer.WriteString("sid", statement.Sid);
        }

        writer.WriteString("effect", statement.Effect.ToString());
        writer.WriteString("outcome", Camel(statement.Outcome.ToString()));
        if (statement.FailedElement != StatementElement.None)
        {
            writer.WriteString("failedElement", Camel(statement.FailedElement.ToString()));
        }

        if (statement.PrincipalMatch != PrincipalMatchKind.None)
        {
            writer.WriteString("principalMatch", Camel(statement.PrincipalMatch.ToString()));
        }

        if (statement.FailedConditions.Length > 0)
        {
            writer.WriteStartArray("failedConditions");
            foreach (ConditionTrace condition in statement.FailedConditions)
            {
                writer.WriteStartObject();
                writer.WriteString("operator", condition.Operator);
                writer.WriteString("key", condition.Key);
                writer.WriteStringArray("policyValues", condition.PolicyValues);
                writer.WriteStringArray("requestValues", condition.RequestValues);
                writer.WriteString("outcome", Camel(condition.Outcome.ToString()));
                if (condition.KeyMissing)
                {
                    writer.WriteBoolean("keyMissing", true);
                }

                if (condition.KeyUnknown)
                {
                    writer.WriteBoolean("keyUnknown", true);
                }

                if (condition.Note is not null)
                {
                    writer.WriteString("note", condition.Note);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (statement.MissingKeys.Length > 0)
        {
            writer.WriteStringArray("missingKeys", statement.MissingKeys);
        }

        if (statement.UnknownKeys.Length > 0)
        {
            writer.WriteStringArray("unknownKeys", statement.UnknownKeys);
        }

        writer.WriteEndObject();
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
