namespace TrailSift.Cli.Commands;

/// <summary>
/// jq's reads of JSON input (<c>jq_util_input_read_more</c>): one line at a time, at most 4095 bytes, never across files;
/// a file is closed (its name forgotten) only by the read after its end, and the line counter counts the chunks that
/// hold a newline, per file. A chunk without a newline ends at its first NUL byte, as jq's <c>strlen</c> makes it.
/// </summary>
internal sealed partial class JqFileChain
{
    private const int Line = 4095;
    private readonly byte[] _chunk = new byte[Line + 1];
    private readonly byte[] _fileBuf = new byte[1 << 16];
    private int _filePos;
    private int _fileLen;
    private bool _fileEof;

    /// <summary>jq's <c>input_line_number</c>: the lines read from the current file.</summary>
    public int CurrentLine { get; private set; }

    /// <inheritdoc/>
    public bool ReadMore(out byte[] buffer, out int length)
    {
        buffer = _chunk;
        length = 0;
        if (_current is null || _fileEof)
        {
            if (_current is not null)
            {
                CloseCurrent();
                CurrentName = null;
                CurrentLine = 0;
            }

            if (OpenNextOne())
            {
                CurrentLine = 0;
                _filePos = _fileLen = 0;
                _fileEof = false;
            }
        }

        if (_current is not null)
        {
            int n = Fgets(out bool newline);
            if (n > 0)
            {
                if (newline)
                {
                    CurrentLine++;
                    length = n;
                }
                else
                {
                    int nul = _chunk.AsSpan(0, n).IndexOf((byte)0);
                    length = nul >= 0 ? nul : n;
                }
            }
        }

        return NoFileLeft && (_current is null || _fileEof);
    }

    private bool NoFileLeft => files.Count == 0 ? _next > 0 : _next >= files.Count;

    // fgets: up to 4095 bytes, through the first newline; the end of the file is seen only when a read finds no more.
    private int Fgets(out bool newline)
    {
        newline = false;
        int n = 0;
        while (n < Line)
        {
            if (_filePos == _fileLen)
            {
                _fileLen = _current!.Read(_fileBuf, 0, _fileBuf.Length);
                _filePos = 0;
                if (_fileLen == 0)
                {
                    _fileEof = true;
                    break;
                }
            }

            int take = Math.Min(Line - n, _fileLen - _filePos);
            ReadOnlySpan<byte> avail = _fileBuf.AsSpan(_filePos, take);
            int nl = avail.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                avail[..(nl + 1)].CopyTo(_chunk.AsSpan(n));
                _filePos += nl + 1;
                newline = true;
                return n + nl + 1;
            }

            avail.CopyTo(_chunk.AsSpan(n));
            n += take;
            _filePos += take;
        }

        return n;
    }
}
