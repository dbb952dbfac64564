namespace TrailSift.Core.Scan;

/// <summary>The shape of a log object's JSON, detected from its content.</summary>
public enum InputFormat
{
    /// <summary>Not detected yet.</summary>
    Unknown,

    /// <summary>A CloudTrail log file: <c>{"Records":[...]}</c>.</summary>
    RecordsWrapper,

    /// <summary>A bare JSON array of events.</summary>
    EventArray,

    /// <summary>One or more top-level event objects (NDJSON or a single event).</summary>
    EventStream,

    /// <summary>The output of <c>aws cloudtrail lookup-events</c>: <c>{"Events":[{"CloudTrailEvent":"..."}]}</c>.</summary>
    LookupEvents,

    /// <summary>A CloudTrail digest file, which holds no events.</summary>
    Digest,
}
