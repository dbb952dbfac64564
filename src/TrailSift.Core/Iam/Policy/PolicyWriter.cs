using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// Writes policy documents canonically: keys in AWS order (<c>Version, Id, Statement</c>; <c>Sid, Effect,
/// Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition</c>), single values and arrays
/// as they were parsed, principal types and conditions in document order. Parsing the output gives an equal
/// document.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class PolicyWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writer options used by the string and byte helpers.</summary>
    public static JsonWriterOptions GetOptions(bool indented) => indented ? Indented : Compact;

    /// <summary>Writes the document as UTF-8 JSON bytes.</summary>
    public static byte[] WriteToUtf8(PolicyDocument document, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, GetOptions(indented)))
        {
            Write(document, writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the document as a JSON string.</summary>
    public static string WriteToString(PolicyDocument document, bool indented = true) =>
        Encoding.UTF8.GetString(WriteToUtf8(document, indented));

    /// <summary>Writes the document to <paramref name="writer"/> as one JSON object.</summary>
    public static void Write(PolicyDocument document, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (document.Version is not null)
        {
            writer.WriteString("Version", document.Version);
        }

        if (document.Id is not null)
        {
            writer.WriteString("Id", document.Id);
        }

        writer.WritePropertyName("Statement");
        if (document.StatementIsArray || document.Statements.Length != 1)
        {
            writer.WriteStartArray();
            foreach (Statement statement in document.Statements)
            {
                WriteStatement(statement, writer);
            }

            writer.WriteEndArray();
        }
        else
        {
            WriteStatement(document.Statements[0], writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one statement object.</summary>
    public static void WriteStatement(Statement statement, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (statement.Sid is not null)
        {
            writer.WriteString("Sid", statement.Sid);
        }

        writer.WriteString("Effect", statement.Effect == Effect.Allow ? "Allow" : "Deny");
        WritePrincipal("Principal", statement.Principal, writer);
        WritePrincipal("NotPrincipal", statement.NotPrincipal, writer);
        WriteList("Action", statement.Action, writer);
        WriteList("NotAction", statement.NotAction, writer);
        WriteList("Resource", statement.Resource, writer);
        WriteList("NotResource", statement.NotResource, writer);
        if (statement.Conditions.Length > 0)
        {
            WriteConditions(statement, writer);
        }

        writer.WriteEndObject();
    }

    private static void WritePrincipal(string name, PolicyPrincipal? principal, Utf8JsonWriter writer)
    {
        if (principal is null)
        {
            return;
        }

        if (principal.IsWildcard)
        {
            writer.WriteString(name, "*");
            return;
        }

        writer.WriteStartObject(name);
        foreach (KeyValuePair<string, PolicyValueList> entry in principal.Entries)
        {
            WriteList(entry.Key, entry.Value, writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteList(string name, PolicyValueList? list, Utf8JsonWriter writer)
    {
        if (list is null)
        {
            return;
        }

        if (!list.IsArray)
        {
            writer.WriteString(name, list.Values[0]);
            return;
        }

        writer.WriteStartArray(name);
        foreach (string value in list.Values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteConditions(Statement statement, Utf8JsonWriter writer)
    {
        writer.WriteStartObject("Condition");
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < statement.Conditions.Length; i++)
        {
            string operatorName = statement.Conditions[i].OperatorName;
            if (!written.Add(operatorName))
            {
                continue;
            }

            // Entries of one operator are written together, in their original order.
            writer.WriteStartObject(operatorName);
            for (int j = i; j < statement.Conditions.Length; j++)
            {
                PolicyCondition condition = statement.Conditions[j];
                if (string.Equals(condition.OperatorName, operatorName, StringComparison.Ordinal))
                {
                    writer.WritePropertyName(condition.Key);
                    WriteConditionValues(condition, writer);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteConditionValues(PolicyCondition condition, Utf8JsonWriter writer)
    {
        if (condition.IsArray)
        {
            writer.WriteStartArray();
        }

        foreach (ConditionValue value in condition.Values)
        {
            switch (value.Kind)
            {
                case ConditionValueKind.Number:
                    writer.WriteRawValue(value.Text, skipInputValidation: false);
                    break;
                case ConditionValueKind.Boolean:
                    writer.WriteBooleanValue(value.Text == "true");
                    break;
                default:
                    writer.WriteStringValue(value.Text);
                    break;
            }
        }

        if (condition.IsArray)
        {
            writer.WriteEndArray();
        }
    }
}
