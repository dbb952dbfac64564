namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>
/// Records received newest first (LookupEvents' order), kept in a temporary file that deletes itself, read back
/// oldest first as NDJSON (the order every other source gives). Memory holds only the offsets (12 bytes a record).
/// </summary>
/// <remarks>Not thread-safe: one writer, then one reader (<see cref="OpenOldestFirst"/>).</remarks>
internal sealed class ReversedRecords : IDisposable
{
    private readonly FileStream _file;
    private readonly List<(long Offset, int Length)> _index = [];

    public ReversedRecords(string? directory = null)
    {
        string path = Path.Combine(directory ?? Path.GetTempPath(), $"trailsift-lookup-{Guid.NewGuid():N}.tmp");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
    }

    /// <summary>Records kept.</summary>
    public int Count => _index.Count;

    /// <summary>Appends one record (the next older one).</summary>
    public void Add(byte[] record)
    {
        _index.Add((_file.Position, record.Length));
        _file.Write(record);
    }

    /// <summary>The records oldest first, one per line; <paramref name="failure"/>, if any, is thrown after the last one.</summary>
    public Stream OpenOldestFirst(Exception? failure = null)
    {
        _file.Flush();
        return new Reader(this, failure);
    }

    public void Dispose() => _file.Dispose();

    private sealed class Reader(ReversedRecords records, Exception? failure) : ReadOnlyStream
    {
        private int _next = records._index.Count - 1;
        private byte[] _current = [];
        private int _pos;
        private long _returned;

        protected override long BytesReturned => _returned;

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            if (_pos == _current.Length && !Advance())
            {
                if (failure is { } f)
                {
                    failure = null;
                    throw f is IOException io ? io : new IOException(f.Message, f);
                }

                return 0;
            }

            int n = Math.Min(buffer.Length, _current.Length - _pos);
            _current.AsSpan(_pos, n).CopyTo(buffer);
            _pos += n;
            _returned += n;
            return n;
        }

        private bool Advance()
        {
            if (_next < 0)
            {
                return false;
            }

            (long offset, int length) = records._index[_next--];
            var line = new byte[length + 1];
            records._file.Position = offset;
            records._file.ReadExactly(line, 0, length);
            line[length] = (byte)'\n';
            _current = line;
            _pos = 0;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                records.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
