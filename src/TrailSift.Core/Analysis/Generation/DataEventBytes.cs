namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// Tells a data event from its raw bytes (<c>"eventCategory":"Data"</c> or <c>"managementEvent":false</c>), so the
/// scan can pick data events as context without indexing every record.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class DataEventBytes
{
    /// <summary>True when the raw record says it is a data event.</summary>
    public static bool IsDataEvent(ReadOnlySpan<byte> utf8) =>
        ValueAfter(utf8, "\"eventCategory\""u8).StartsWith("\"Data\""u8) || ValueAfter(utf8, "\"managementEvent\""u8).StartsWith("false"u8);

    private static ReadOnlySpan<byte> ValueAfter(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> key)
    {
        int i = utf8.IndexOf(key);
        if (i < 0)
        {
            return default;
        }

        ReadOnlySpan<byte> rest = utf8[(i + key.Length)..].TrimStart(" \t\r\n"u8);
        return rest.StartsWith(":"u8) ? rest[1..].TrimStart(" \t\r\n"u8) : default;
    }
}
