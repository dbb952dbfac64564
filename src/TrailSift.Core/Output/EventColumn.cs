using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Output;

/// <summary>A named column of the table and CSV formats: a header and how to read the cell from an event.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record EventColumn(string Header, Func<EventRecord, string> Read)
{
    /// <summary>The default columns: time, principal, service:event, error, region.</summary>
    public static IReadOnlyList<EventColumn> Defaults { get; } =
    [
        new("time", r => Text(r.Root.GetProperty("eventTime"u8)) is { Length: > 0 } t ? t : r.EventTime?.ToString("yyyy-MM-ddTHH:mm:ssZ") ?? string.Empty),
        new("principal", r => DisplayPrincipal(r.UserIdentity)),
        new("event", r => ShortSource(Text(r.EventSource)) + ":" + Text(r.EventName)),
        new("error", r => Text(r.ErrorCode)),
        new("region", r => Text(r.AwsRegion)),
    ];

    /// <summary>A short, readable name of the caller: the part of its ARN after the service, or its type.</summary>
    public static string DisplayPrincipal(JsonNode userIdentity)
    {
        string arn = Text(userIdentity.GetProperty("arn"u8));
        if (arn.Length > 0)
        {
            int colon = NthIndexOf(arn, ':', 5);
            return colon >= 0 ? arn[(colon + 1)..] : arn;
        }

        string type = Text(userIdentity.GetProperty("type"u8));
        string invokedBy = Text(userIdentity.GetProperty("invokedBy"u8));
        return invokedBy.Length > 0 ? $"{type}:{invokedBy}" : type;
    }

    private static string ShortSource(string source) =>
        source.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? source[..^".amazonaws.com".Length] : source;

    private static int NthIndexOf(string s, char c, int n)
    {
        int i = -1;
        for (int k = 0; k < n; k++)
        {
            i = s.IndexOf(c, i + 1);
            if (i < 0)
            {
                return -1;
            }
        }

        return i;
    }

    /// <summary>Cell text of a value: strings decoded, null and missing empty, others as compact JSON.</summary>
    public static string TextOf(JsonNode node) => Text(node);

    internal static string Text(JsonNode node) => node.Kind switch
    {
        JsonKind.Undefined or JsonKind.Null => string.Empty,
        _ => node.ToString(),
    };
}
