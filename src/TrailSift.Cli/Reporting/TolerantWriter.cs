using System.Text;

namespace TrailSift.Cli.Reporting;

/// <summary>
/// Standard error that never throws: when stderr itself fails (<c>2&gt;/dev/full</c>, a closed descriptor) messages
/// are dropped and the run goes on to its exit code, instead of crashing while reporting.
/// </summary>
/// <remarks>Thread-safe when the inner writer is (callers lock around multi-part writes).</remarks>
public sealed class TolerantWriter(TextWriter inner) : TextWriter
{
    /// <summary>True after a write to stderr failed.</summary>
    public bool Failed { get; private set; }

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value) => Guard(() => inner.Write(value));

    /// <inheritdoc />
    public override void Write(string? value) => Guard(() => inner.Write(value));

    /// <inheritdoc />
    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    /// <inheritdoc />
    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action write)
    {
        if (Failed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            Failed = true;
        }
    }
}
