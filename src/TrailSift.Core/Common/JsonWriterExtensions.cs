using System.Text.Json;

namespace TrailSift.Core.Common;

/// <summary>Small helpers for <see cref="Utf8JsonWriter"/> shared by the JSON printers.</summary>
public static class JsonWriterExtensions
{
    /// <summary>Writes <c>"name": ["v1", "v2", …]</c>.</summary>
    public static void WriteStringArray(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
