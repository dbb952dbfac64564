using System.Text.Encodings.Web;
using System.Text.Json;
using TrailSift.Core.Analysis.Denied;

namespace TrailSift.Core.Output.Denied;

/// <summary>
/// Writes suggested statements as IAM policy JSON (<c>"Version": "2012-10-17"</c>): the <c>--policy</c> document and
/// the statement inside a fix. A small writer of our own until the policy model (<c>Iam/Policy</c>) has one.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class DeniedPolicyWriter
{
    /// <summary>JSON options for every denied printer: relaxed escaping so ARNs and wildcards stay readable.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one indented policy document holding <paramref name="statements"/>, and a newline.</summary>
    public static void WriteDocument(Stream output, IReadOnlyList<PolicyStatementSuggestion> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        using (var json = new Utf8JsonWriter(output, Options with { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");
            foreach (PolicyStatementSuggestion s in statements)
            {
                WriteStatement(json, s);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>Writes one statement object (<c>Sid</c>, <c>Effect</c>, <c>Action</c>, <c>Resource</c>; single values as strings).</summary>
    public static void WriteStatement(Utf8JsonWriter json, PolicyStatementSuggestion statement)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(statement);
        json.WriteStartObject();
        json.WriteString("Sid", statement.Sid);
        json.WriteString("Effect", "Allow");
        WriteOneOrMany(json, "Action", statement.Actions);
        WriteOneOrMany(json, "Resource", statement.Resources);
        json.WriteEndObject();
    }

    private static void WriteOneOrMany(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            json.WriteString(name, values[0]);
            return;
        }

        json.WriteStartArray(name);
        foreach (string v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }
}
