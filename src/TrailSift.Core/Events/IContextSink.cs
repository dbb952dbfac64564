namespace TrailSift.Core.Events;

/// <summary>
/// A sink whose analysis needs more of the trail than the user's selection: besides the selected events
/// (<see cref="IEventSink.Accept"/>) it receives the <em>context</em> events its context predicate asked for
/// (hint candidates, tagging calls, evidence), in the same single pass. An event that is both goes to
/// <see cref="IEventSink.Accept"/> only. A scan without a context predicate never calls <see cref="AcceptContext"/>.
/// </summary>
/// <remarks>Not thread-safe; one per scan worker.</remarks>
public interface IContextSink : IEventSink
{
    /// <summary>An event the context predicate matched and the selection did not; valid only during the call.</summary>
    void AcceptContext(EventRecord record);
}
