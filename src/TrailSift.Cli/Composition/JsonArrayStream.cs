using TrailSift.Cli.Reporting;
using TrailSift.Core.Common;

namespace TrailSift.Cli.Composition;

/// <summary>
/// Turns a stream of JSON values into one JSON document, an array of them (<c>--format json</c>, docs/json-output.md):
/// <c>[</c> before the first value, a comma between values, <c>]</c> at <see cref="Complete"/>; <c>[]</c> when none came.
/// A value ends at <see cref="End"/>: a line feed for NDJSON (each line is one value), or a marker byte after the
/// value's own line feed for pretty-printed values. With a limit it stops the scan after that many values, as
/// <see cref="OutputLimit"/> does, and the array is still closed.
/// </summary>
/// <remarks>Not thread-safe: written by one ordered output.</remarks>
public sealed class JsonArrayStream(Stream destination, byte end, long limit = long.MaxValue) : WriteOnlyStream
{
    /// <summary>The end of a value in NDJSON: its line feed.</summary>
    public const byte LineEnd = (byte)'\n';

    private bool _inValue;
    private bool _heldLineFeed;

    /// <summary>The values written so far.</summary>
    public long Count { get; private set; }

    /// <summary>The byte that ends a value.</summary>
    public byte End => end;

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            int stop = buffer.IndexOf(end);
            ReadOnlySpan<byte> part = stop < 0 ? buffer : buffer[..stop];
            if (!part.IsEmpty)
            {
                StartValue();
                if (_heldLineFeed)
                {
                    destination.WriteByte(LineEnd);
                    _heldLineFeed = false;
                }

                // A pretty value's last line feed belongs to its end; it is held until more of the value comes.
                _heldLineFeed = end != LineEnd && part[^1] == LineEnd;
                destination.Write(_heldLineFeed ? part[..^1] : part);
            }

            if (stop < 0)
            {
                return;
            }

            if (_inValue)
            {
                _inValue = false;
                _heldLineFeed = false;
                Count++;
            }

            buffer = buffer[(stop + 1)..];
        }
    }

    /// <summary>Closes the array (after the last value, or after the limit stopped the scan).</summary>
    public void Complete()
    {
        destination.Write(Count == 0 && !_inValue ? "[]\n"u8 : "\n]\n"u8);
        destination.Flush();
    }

    /// <inheritdoc />
    public override void Flush() => destination.Flush();


    private void StartValue()
    {
        if (_inValue)
        {
            return;
        }

        if (Count >= limit)
        {
            throw new OutputLimitReachedException();
        }

        destination.Write(Count == 0 ? "[\n"u8 : ",\n"u8);
        _inValue = true;
    }
}
