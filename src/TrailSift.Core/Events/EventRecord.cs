using System.Text;
using TrailSift.Core.Json;

namespace TrailSift.Core.Events;

/*! Events: the event model shared by Scan, Query, Analysis and Output, and the seams between them
    (IEventPredicate, the matcher; IEventSink, the sink). Depends on Common and the BCL only. */

/// <summary>
/// One CloudTrail event: the raw UTF-8 bytes of its JSON object and a token index over them (<see cref="IndexedJson"/>), and lazily
/// looked-up hot fields. A scan worker reuses one instance for every event it reads, so an instance is
/// valid only during the callback that receives it; use <see cref="Clone"/> to keep an event.
/// </summary>
/// <remarks>Mutable; owned by one thread at a time.</remarks>
public sealed class EventRecord : IndexedJson
{
    private readonly int[] _hot = new int[HotFields.Count];
    private long _timeTicks;
    private bool _timeParsed;

    /// <summary>Creates an empty record (a scan worker's, reused for every event).</summary>
    public EventRecord() => TableRootNames();

    /// <summary>Display path of the log object the event came from.</summary>
    public string SourcePath { get; internal set; } = string.Empty;

    /// <summary>Zero-based position of the event within its log object.</summary>
    public long Ordinal { get; internal set; }

    /// <summary><c>eventName</c>.</summary>
    public JsonNode EventName => Hot(HotFields.EventName);

    /// <summary><c>eventSource</c>.</summary>
    public JsonNode EventSource => Hot(HotFields.EventSource);

    /// <summary><c>errorCode</c>.</summary>
    public JsonNode ErrorCode => Hot(HotFields.ErrorCode);

    /// <summary><c>errorMessage</c>.</summary>
    public JsonNode ErrorMessage => Hot(HotFields.ErrorMessage);

    /// <summary><c>awsRegion</c>.</summary>
    public JsonNode AwsRegion => Hot(HotFields.AwsRegion);

    /// <summary><c>recipientAccountId</c>.</summary>
    public JsonNode RecipientAccountId => Hot(HotFields.RecipientAccountId);

    /// <summary><c>userIdentity</c>.</summary>
    public JsonNode UserIdentity => Hot(HotFields.UserIdentity);

    /// <summary><c>userAgent</c>.</summary>
    public JsonNode UserAgent => Hot(HotFields.UserAgent);

    /// <summary><c>eventTime</c> as UTC ticks, falling back to <c>@timestamp</c> (Logstash exports); null when absent or unparsable.</summary>
    public long? EventTimeTicks
    {
        get
        {
            if (!_timeParsed)
            {
                _timeParsed = true;
                JsonNode t = Hot(HotFields.EventTime);
                if (t.Kind != JsonKind.String)
                {
                    t = Root.GetProperty("@timestamp"u8);
                }

                _timeTicks = t.Kind == JsonKind.String && EventTimeParser.TryParse(t, out long ticks) ? ticks : long.MinValue;
            }

            return _timeTicks == long.MinValue ? null : _timeTicks;
        }
    }

    /// <summary>The event time as a UTC <see cref="DateTimeOffset"/>, when known.</summary>
    public DateTimeOffset? EventTime => EventTimeTicks is long t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>Points the record at new bytes whose tokens are already in <see cref="Index"/>.</summary>
    internal void SetIndexed(byte[] buffer, int offset, int length) => SetRecord(buffer, offset, length, indexPending: false);

    /// <summary>Points the record at new bytes, already validated as one JSON object, to be indexed on first use.</summary>
    internal void SetUnindexed(byte[] buffer, int offset, int length) => SetRecord(buffer, offset, length, indexPending: true);

    /// <summary>Points the record at <paramref name="buffer"/> and builds its index.</summary>
    /// <exception cref="System.Text.Json.JsonException">The bytes are not one JSON value.</exception>
    public void Load(byte[] buffer, int offset, int length)
    {
        IndexUnderConstruction.Build(buffer.AsSpan(offset, length));
        SetIndexed(buffer, offset, length);
    }

    /// <summary>Parses a standalone event from JSON text (copies the bytes; for tools and tests).</summary>
    public static EventRecord Parse(ReadOnlySpan<byte> json, string sourcePath = "", long ordinal = 0)
    {
        var record = new EventRecord();
        record.Load(json.ToArray(), 0, json.Length);
        record.SourcePath = sourcePath;
        record.Ordinal = ordinal;
        return record;
    }

    /// <summary>Parses a standalone event from JSON text.</summary>
    public static EventRecord Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>An independent copy of this record that stays valid after the scan moves on.</summary>
    public EventRecord Clone() => Parse(Utf8, SourcePath, Ordinal);

    private JsonNode Hot(int field)
    {
        int token = _hot[field];
        if (token == -2)
        {
            JsonNode node = Root.GetProperty(HotFields.Names[field]);
            token = node.Kind == JsonKind.Undefined ? -1 : node.TokenIndex;
            _hot[field] = token;
        }

        return token < 0 ? default : new JsonNode(this, token);
    }

    private void SetRecord(byte[] buffer, int offset, int length, bool indexPending)
    {
        SetText(buffer, offset, length, indexPending);
        Array.Fill(_hot, -2);
        _timeParsed = false;
    }

    private static class HotFields
    {
        public const int EventName = 0;
        public const int EventSource = 1;
        public const int ErrorCode = 2;
        public const int ErrorMessage = 3;
        public const int AwsRegion = 4;
        public const int RecipientAccountId = 5;
        public const int UserIdentity = 6;
        public const int UserAgent = 7;
        public const int EventTime = 8;
        public const int Count = 9;

        public static readonly byte[][] Names =
        [
            "eventName"u8.ToArray(), "eventSource"u8.ToArray(), "errorCode"u8.ToArray(), "errorMessage"u8.ToArray(),
            "awsRegion"u8.ToArray(), "recipientAccountId"u8.ToArray(), "userIdentity"u8.ToArray(),
            "userAgent"u8.ToArray(), "eventTime"u8.ToArray(),
        ];
    }
}
