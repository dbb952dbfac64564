namespace TrailSift.Core.Events;

/// <summary>The sink seam: receives selected events. Each scan worker owns its own sink.</summary>
/// <remarks>Not thread-safe; the scanner never calls one sink from two threads.</remarks>
public interface IEventSink
{
    /// <summary>One selected event; valid only during the call (clone it to keep it).</summary>
    void Accept(EventRecord record);
}
