using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TrailSift.Testing.Aws;

/// <summary>
/// CloudTrail on the loopback endpoint: every call the endpoint answers becomes a CloudTrail event (as
/// <see cref="LoopbackTrailEvents"/> writes it), events can be added for principals acting elsewhere (a service role),
/// and <c>LookupEvents</c> (JSON 1.1) serves the management events of the asked region after a delivery
/// <see cref="Delay"/>: newest first, one lookup attribute, pages of at most <see cref="PageSize"/> with a token
/// bound to the request's other parameters, and <c>ThrottlingException</c> when <see cref="Throttle"/> says so.
/// </summary>
public sealed class LoopbackTrail
{
    private readonly AwsLoopback _loopback;
    private readonly List<LoopbackEvent> _added = [];
    private int _lookups;

    /// <summary>Installs the CloudTrail handlers on <paramref name="loopback"/>.</summary>
    public LoopbackTrail(AwsLoopback loopback)
    {
        _loopback = loopback;
        loopback.On("cloudtrail", "LookupEvents", LookupEvents);
        loopback.On("cloudtrail", "DescribeTrails", call => LoopbackReply.Json("{\"trailList\":[]}"));
    }

    /// <summary>How long after its time an event becomes visible to LookupEvents (CloudTrail: about 5 minutes).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Per-event delivery delay, overriding <see cref="Delay"/> when it returns a value.</summary>
    public Func<LoopbackEvent, TimeSpan?> DelayOf { get; set; } = _ => null;

    /// <summary>Events per page at most (the API's MaxResults is at most 50).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Given the 1-based number of a LookupEvents request, true to answer it with <c>ThrottlingException</c>.</summary>
    public Func<int, bool> Throttle { get; set; } = _ => false;

    /// <summary>Regions where LookupEvents answers <c>AccessDeniedException</c> (a service control policy denying the region).</summary>
    public HashSet<string> DeniedRegions { get; } = new(StringComparer.Ordinal);

    /// <summary>The LookupEvents requests received (their JSON bodies), throttled ones included.</summary>
    public List<(DateTimeOffset Time, string Region, string Body, bool Throttled)> Lookups { get; } = [];

    /// <summary>Adds an event made elsewhere (a service acting for the workload).</summary>
    public LoopbackEvent Add(string region, DateTimeOffset time, LoopbackIdentity identity, string eventSource, string eventName,
        string requestParameters = "null", string? errorCode = null, bool readOnly = false)
    {
        LoopbackEvent e = LoopbackTrailEvents.Create(region, time, identity, eventSource, eventName, requestParameters, errorCode, null, readOnly,
            management: true, userAgent: $"{eventSource}", requestId: Guid.NewGuid().ToString());
        lock (_added)
        {
            _added.Add(e);
        }

        return e;
    }

    /// <summary>Every event so far, delivered or not, oldest first.</summary>
    public List<LoopbackEvent> All()
    {
        var all = new List<LoopbackEvent>();
        foreach ((LoopbackCall call, LoopbackReply reply) in _loopback.Answers)
        {
            all.Add(LoopbackTrailEvents.FromCall(call, reply));
        }

        lock (_added)
        {
            all.AddRange(_added);
        }

        return [.. all.OrderBy(e => e.Time).ThenBy(e => e.EventId, StringComparer.Ordinal)];
    }

    private LoopbackReply LookupEvents(LoopbackCall call)
    {
        int n = Interlocked.Increment(ref _lookups);
        bool throttled = Throttle(n);
        lock (Lookups)
        {
            Lookups.Add((call.Time, call.Region, call.Body, throttled));
        }

        if (throttled)
        {
            return LoopbackReply.Error(AwsProtocol.Json, 400, "ThrottlingException", "Rate exceeded", call.RequestId);
        }

        if (DeniedRegions.Contains(call.Region))
        {
            return LoopbackReply.Error(AwsProtocol.Json, 400, "AccessDeniedException",
                $"User: {call.Identity.Arn} is not authorized to perform: cloudtrail:LookupEvents with an explicit deny in a service control policy", call.RequestId);
        }

        using var doc = JsonDocument.Parse(call.Body.Length == 0 ? "{}" : call.Body);
        JsonElement root = doc.RootElement;
        (string Key, string Value)? attribute = null;
        if (root.TryGetProperty("LookupAttributes", out JsonElement attributes))
        {
            if (attributes.GetArrayLength() > 1)
            {
                return LoopbackReply.Error(AwsProtocol.Json, 400, "InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.", call.RequestId);
            }

            foreach (JsonElement a in attributes.EnumerateArray())
            {
                attribute = (a.GetProperty("AttributeKey").GetString()!, a.GetProperty("AttributeValue").GetString()!);
            }
        }

        DateTimeOffset start = root.TryGetProperty("StartTime", out JsonElement s) ? FromEpoch(s.GetDouble()) : DateTimeOffset.MinValue;
        DateTimeOffset end = root.TryGetProperty("EndTime", out JsonElement en) ? FromEpoch(en.GetDouble()) : DateTimeOffset.MaxValue;
        int max = root.TryGetProperty("MaxResults", out JsonElement m) ? m.GetInt32() : 50;
        if (max is < 1 or > 50)
        {
            return LoopbackReply.Error(AwsProtocol.Json, 400, "InvalidMaxResultsException", "MaxResults must be from 1 to 50.", call.RequestId);
        }

        if (start > end)
        {
            return LoopbackReply.Error(AwsProtocol.Json, 400, "InvalidTimeRangeException", "StartTime must be before EndTime.", call.RequestId);
        }

        // The token names the last event given (newest-first order) and the request it belongs to; the next page starts
        // after that event, so events delivered meanwhile neither shift nor repeat the pages.
        string fingerprint = Fingerprint(call.Region, root);
        (long Time, string Id)? after = null;
        if (root.TryGetProperty("NextToken", out JsonElement t) && t.GetString() is { } token)
        {
            string[] parts = token.Split(':');
            if (parts.Length != 3 || parts[0] != fingerprint || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out long at))
            {
                return LoopbackReply.Error(AwsProtocol.Json, 400, "InvalidNextTokenException", "A token that is not valid, or a token that was previously used in a request with different parameters.", call.RequestId);
            }

            after = (at, parts[2]);
        }

        DateTimeOffset now = call.Time;
        List<LoopbackEvent> matching = [.. All()
            .Where(e => e.Region == call.Region && e.Management && e.Time >= start && e.Time <= end)
            .Where(e => e.Time + (DelayOf(e) ?? Delay) <= now)
            .Where(e => attribute is not { } a || Matches(e, a.Key, a.Value))
            .Where(e => after is not { } x || e.Time.ToUnixTimeSeconds() < x.Time || (e.Time.ToUnixTimeSeconds() == x.Time && string.CompareOrdinal(e.EventId, x.Id) < 0))
            .OrderByDescending(e => e.Time).ThenByDescending(e => e.EventId, StringComparer.Ordinal)];
        int take = Math.Min(max, PageSize);
        List<LoopbackEvent> page = [.. matching.Take(take)];
        string? next = matching.Count > take ? $"{fingerprint}:{page[^1].Time.ToUnixTimeSeconds()}:{page[^1].EventId}" : null;
        return LoopbackReply.Json(Page(page, next));
    }

    private static bool Matches(LoopbackEvent e, string key, string value) => key switch
    {
        "AccessKeyId" => e.Identity.AccessKeyId == value,
        "EventName" => e.EventName == value,
        "EventSource" => e.EventSource == value,
        "EventId" => e.EventId == value,
        "Username" => e.Identity.UserName == value,
        "ReadOnly" => (e.ReadOnly ? "true" : "false") == value,
        _ => false,
    };

    private static string Page(List<LoopbackEvent> page, string? nextToken)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("Events");
            foreach (LoopbackEvent e in page)
            {
                w.WriteStartObject();
                w.WriteString("EventId", e.EventId);
                w.WriteString("EventName", e.EventName);
                w.WriteString("ReadOnly", e.ReadOnly ? "true" : "false");
                w.WriteString("AccessKeyId", e.Identity.AccessKeyId);
                w.WriteNumber("EventTime", e.Time.ToUnixTimeSeconds());
                w.WriteString("EventSource", e.EventSource);
                w.WriteString("Username", e.Identity.UserName);
                w.WriteStartArray("Resources");
                w.WriteEndArray();
                w.WriteString("CloudTrailEvent", e.Json);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (nextToken is not null)
            {
                w.WriteString("NextToken", nextToken);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The token is valid only for a request with the same region, attributes, times, category and page size.
    private static string Fingerprint(string region, JsonElement root)
    {
        var text = new StringBuilder(region);
        foreach (string name in new[] { "LookupAttributes", "StartTime", "EndTime", "EventCategory", "MaxResults" })
        {
            text.Append('|').Append(root.TryGetProperty(name, out JsonElement v) ? v.GetRawText() : "-");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static DateTimeOffset FromEpoch(double seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
}
