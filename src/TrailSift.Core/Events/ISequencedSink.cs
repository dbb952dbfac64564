namespace TrailSift.Core.Events;

/// <summary>A sink that is told which object (by sequence number in output order) its events come from.</summary>
/// <remarks>Not thread-safe; one per worker.</remarks>
public interface ISequencedSink
{
    /// <summary>Object number <paramref name="sequence"/> starts.</summary>
    void BeginObject(int sequence, string path);

    /// <summary>Object number <paramref name="sequence"/> is finished (also after a failure).</summary>
    void EndObject(int sequence, string path);

    /// <summary>True when the sink wants no more objects (for example the output pipe closed).</summary>
    bool StopRequested => false;
}
