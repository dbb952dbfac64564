using System.Text.Encodings.Web;
using System.Text.Json;
using TrailSift.Core.Analysis.Actions;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Json;

namespace TrailSift.Core.Output.Actions;

/// <summary>Writes the JSON shapes of <c>trailsift actions</c>.</summary>
public static class PermissionJson
{
    /// <summary>Writer options: relaxed escaping, as every NDJSON printer uses.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The principal a policy is written for (see <see cref="PermissionAggregator.PrincipalOf"/>).</summary>
    public static string Principal(EventRecord record) => PermissionAggregator.PrincipalOf(record);

    /// <summary>One event and the permissions it needed, as one JSON object.</summary>
    public static void WriteEvent(Utf8JsonWriter json, EventRecord record, EventPermissions result)
    {
        JsonNode root = record.Root;
        json.WriteStartObject();
        WriteText(json, "eventID", root.GetProperty("eventID"u8));
        WriteText(json, "eventTime", root.GetProperty("eventTime"u8));
        json.WriteString("principal", Principal(record));
        WriteText(json, "eventSource", record.EventSource);
        WriteText(json, "eventName", record.EventName);
        WriteText(json, "errorCode", record.ErrorCode);
        WritePermissions(json, "permissions", result.Permissions);
        WritePermissions(json, "implied", result.Implied);
        json.WriteStartArray("notes");
        foreach (string note in result.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        if (result.Status == MappingStatus.Unmapped)
        {
            json.WriteBoolean("unmapped", true);
        }
        else if (result.Status == MappingStatus.Permissionless)
        {
            json.WriteBoolean("permissionless", true);
        }
        else if (result.Status == MappingStatus.NotApiCall)
        {
            json.WriteBoolean("notApiCall", true);
        }

        json.WriteEndObject();
    }

    private static void WritePermissions(Utf8JsonWriter json, string name, IEnumerable<RequiredPermission> permissions)
    {
        json.WriteStartArray(name);
        foreach (RequiredPermission p in permissions)
        {
            json.WriteStartObject();
            json.WriteString("action", p.Action);
            json.WriteString("resource", p.Resource);
            json.WriteString("source", ToCamel(p.Source.ToString()));
            if (p.Note is not null)
            {
                json.WriteString("note", p.Note);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string ToCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void WriteText(Utf8JsonWriter json, string name, JsonNode node)
    {
        if (node.Kind == JsonKind.String)
        {
            json.WriteString(name, node.GetString());
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
