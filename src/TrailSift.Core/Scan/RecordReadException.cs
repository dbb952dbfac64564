namespace TrailSift.Core.Scan;

/// <summary>A log object cannot be read further; events read before the fault stay valid.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class RecordReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecordReadException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
