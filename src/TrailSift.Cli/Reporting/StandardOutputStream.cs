namespace TrailSift.Cli.Reporting;

/// <summary>
/// The process's stdout, with every write failure surfacing as an <see cref="IOException"/>: .NET reports a closed
/// descriptor (<c>&gt;&amp;-</c>, EBADF) as <see cref="UnauthorizedAccessException"/>, which would otherwise crash a scan
/// worker instead of ending the run with exit code 2 (<see cref="App.Run"/>).
/// </summary>
/// <remarks>Thread-safe as the inner stream is (the ordered output writes from one thread at a time).</remarks>
public sealed class StandardOutputStream(Stream inner) : WriteOnlyStream
{
    /// <inheritdoc />
    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (UnauthorizedAccessException e)
        {
            throw Translate(e);
        }
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Translate(e);
        }
    }

    private static IOException Translate(UnauthorizedAccessException e) => new(e.InnerException?.Message ?? e.Message, e);
}
