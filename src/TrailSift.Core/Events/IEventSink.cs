namespace TrailSift.Core.Events;

/// <summary>The sink seam: receives selected events. Each scan worker owns its own sink.</summary>
/// <remarks>Not thread-safe; the scanner never calls one sink from two threads.</remarks>
public interface IEventSink
{
    /// <summary>A log object is about to be read.</summary>
    void BeginObject(string path)
    {
    }

    /// <summary>One selected event; valid only during the call.</summary>
    void Accept(EventRecord record);

    /// <summary>The log object is finished (also after a failure part-way).</summary>
    void EndObject(string path)
    {
    }
}
