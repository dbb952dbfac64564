using TrailSift.Core.Json;

namespace TrailSift.Core.Events;

/// <summary>
/// The one test for a data event: top-level <c>"eventCategory": "Data"</c> or <c>"managementEvent": false</c>; and a
/// prefilter on the raw bytes that never misses one, so a scan can pick data events as context without indexing
/// every record.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class DataEvents
{
    /// <summary>True when the event is a data event.</summary>
    public static bool IsDataEvent(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        JsonNode root = record.Root;
        JsonNode category = root.GetProperty("eventCategory"u8);
        return (category.Kind == JsonKind.String && category.RawStringContent.SequenceEqual("Data"u8))
            || root.GetProperty("managementEvent"u8).Kind == JsonKind.False;
    }

    /// <summary>False only when the raw record cannot be a data event (no <c>"eventCategory"</c> key followed by
    /// <c>"Data"</c>, no <c>"managementEvent"</c> key followed by <c>false</c>, at any depth).</summary>
    public static bool MayBeDataEvent(ReadOnlySpan<byte> utf8) =>
        AnyValueStartsWith(utf8, "\"eventCategory\""u8, "\"Data\""u8) || AnyValueStartsWith(utf8, "\"managementEvent\""u8, "false"u8);

    private static bool AnyValueStartsWith(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        while (utf8.IndexOf(key) is var i and >= 0)
        {
            utf8 = utf8[(i + key.Length)..];
            ReadOnlySpan<byte> rest = utf8.TrimStart(" \t\r\n"u8);
            if (rest.StartsWith(":"u8) && rest[1..].TrimStart(" \t\r\n"u8).StartsWith(value))
            {
                return true;
            }
        }

        return false;
    }
}
