using System.IO.Compression;
using TrailSift.Core.Query.Jq.Input;

namespace TrailSift.Cli.Commands;

/// <summary>
/// jq's input: the FILES (or stdin) read as one stream of bytes, as jq reads them, so that a value may start in one
/// file and end in the next. Each file is gunzipped when it starts with the gzip magic bytes. A file that cannot be
/// opened is reported (<c>jq: error: Could not open …</c>) and skipped, and makes the exit status 2.
/// <see cref="CurrentName"/> is the file the last bytes came from (jq's <c>input_filename</c>). JSON input is read in jq's
/// chunks (<see cref="ReadMore"/>); raw input (<c>-R</c>) as a stream.
/// </summary>
internal sealed partial class JqFileChain(IReadOnlyList<string> files, Stream stdin, TextWriter stderr) : JqReadOnlyStream, IJqChunkSource
{
    private int _next;
    private Stream? _current;

    /// <summary>The name of the file being read (<c>&lt;stdin&gt;</c> for standard input), null before the first read.</summary>
    public string? CurrentName { get; private set; }

    /// <summary>Whether a file could not be opened.</summary>
    public bool HadOpenError { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (true)
        {
            if (_current is null && !OpenNext())
            {
                return 0;
            }

            int n = _current!.Read(buffer, offset, count);
            if (n > 0)
            {
                return n;
            }

            CloseCurrent();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseCurrent();
        }

        base.Dispose(disposing);
    }

    private bool OpenNext()
    {
        while (!NoFileLeft)
        {
            if (OpenNextOne())
            {
                return true;
            }
        }

        return false;
    }

    // Opens the next file (stdin when there are none): false when none is left or it cannot be opened (reported; jq
    // names the file it tried, input_filename, and goes on with the next one).
    private bool OpenNextOne()
    {
        if (files.Count == 0)
        {
            if (_next++ > 0)
            {
                return false;
            }

            CurrentName = "<stdin>";
            _current = MaybeGunzip(stdin, leaveOpen: true);
            return true;
        }

        if (_next >= files.Count)
        {
            return false;
        }

        string name = files[_next++];
        CurrentName = name == "-" ? "<stdin>" : name;
        try
        {
            Stream raw = name == "-" ? stdin : File.OpenRead(name);
            _current = MaybeGunzip(raw, leaveOpen: name == "-");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"jq: error: Could not open file {name}: {JqOptions.OsMessage(e)}");
            HadOpenError = true;
            return false;
        }
    }

    private void CloseCurrent()
    {
        _current?.Dispose();
        _current = null;
    }

    private static Stream MaybeGunzip(Stream raw, bool leaveOpen)
    {
        var buffered = new BufferedStream(leaveOpen ? new NonClosing(raw) : raw, 1 << 16);
        Span<byte> head = stackalloc byte[2];
        int n = 0;
        while (n < 2)
        {
            int r = buffered.Read(head[n..]);
            if (r == 0)
            {
                break;
            }

            n += r;
        }

        var joined = new Prefixed(head[..n].ToArray(), buffered);
        return n == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(joined, CompressionMode.Decompress) : joined;
    }

    /// <summary>Bytes already read, then the rest of a stream.</summary>
    private sealed class Prefixed(byte[] prefix, Stream rest) : JqReadOnlyStream
    {
        private int _at;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_at < prefix.Length)
            {
                int n = Math.Min(count, prefix.Length - _at);
                Array.Copy(prefix, _at, buffer, offset, n);
                _at += n;
                return n;
            }

            return rest.Read(buffer, offset, count);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Standard input, which a finished input must not close.</summary>
    private sealed class NonClosing(Stream inner) : JqReadOnlyStream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    }
}
