using System.IO.Compression;
using System.Text;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Input;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Cli.Commands;

/// <summary>One execution of <c>trailsift jq</c>: inputs in, outputs streamed, jq's exit code out.</summary>
internal sealed class JqRun : IJqInputs, IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly JqOptions _o;
    private readonly JqProgram _program;
    private readonly AppEnvironment _env;
    private readonly JqWriteOptions _write;
    private readonly Stream _out;
    private readonly StringBuilder _sb = new();
    private int _fileIndex = -1;
    private Stream? _current;
    private JqValueStreamReader? _reader;
    private StreamReader? _lines;
    private string? _name;
    private bool _anyInputRead;

    public JqRun(JqOptions o, JqProgram program, AppEnvironment env)
    {
        _o = o;
        _program = program;
        _env = env;
        bool color = o.Color ?? (env.StdoutIsTerminal && !env.NoColor);
        _write = new JqWriteOptions
        {
            Indent = o.Compact ? 0 : (o.Tab ? 1 : o.Indent),
            UseTab = o.Tab && !o.Compact,
            SortKeys = o.SortKeys,
            Ascii = o.Ascii,
            Colors = color ? JqWriteOptions.ParseColors(Environment.GetEnvironmentVariable("JQ_COLORS")) ?? JqWriteOptions.DefaultColors : null,
        };
        _out = new BufferedStream(env.Stdout, 1 << 16);
    }

    public string? CurrentFileName => _name;

    public int CurrentLine => _reader?.Line ?? 0;

    public int Execute()
    {
        var budget = new JqBudget
        {
            MaxSteps = _o.MaxSteps ?? JqBudget.Default.MaxSteps,
            MaxMemoryBytes = _o.MaxMemoryMiB is long mib ? mib << 20 : JqBudget.Default.MaxMemoryBytes,
        };
        var cx = new JqContext(budget) { Inputs = this, Stderr = s => _env.Stderr.Write(s) };
        foreach ((string k, JqValue v) in _o.Variables)
        {
            cx.Variables[k] = v;
        }

        int exit = 0;
        JqValue? last = null;
        bool anyOutput = false;
        try
        {
            if (_o.NullInput)
            {
                exit = RunOne(cx, JqValue.Null, ref last, ref anyOutput, exit);
            }
            else if (_o.Slurp)
            {
                JqValue all = SlurpAll();
                exit = RunOne(cx, all, ref last, ref anyOutput, exit);
            }
            else
            {
                while (TryNext(out JqValue input))
                {
                    exit = RunOne(cx, input, ref last, ref anyOutput, exit);
                }
            }
        }
        catch (JqInputException e)
        {
            _out.Flush();
            _env.Stderr.WriteLine("jq: error (at " + Where() + "): " + e.Message);
            return 2;
        }
        catch (JqHaltException h)
        {
            _out.Flush();
            if (h.StderrText is not null)
            {
                _env.Stderr.Write(h.StderrText);
            }

            return h.ExitCode;
        }
        finally
        {
            _out.Flush();
            Dispose();
        }

        if (exit != 0)
        {
            return exit;
        }

        if (_o.ExitStatus)
        {
            return !anyOutput ? 4 : last!.IsTruthy ? 0 : 1;
        }

        return 0;
    }

    private int RunOne(JqContext cx, JqValue input, ref JqValue? last, ref bool anyOutput, int exit)
    {
        cx.ResetSteps();
        JqValue? lastLocal = last;
        bool any = anyOutput;
        try
        {
            _program.Run(cx, input, v =>
            {
                Write(v);
                lastLocal = v;
                any = true;
            });
        }
        catch (JqRuntimeException e)
        {
            _out.Flush();
            _env.Stderr.WriteLine("jq: error (at " + Where() + ")" + e.Describe());
            exit = 5;
        }
        catch (JqBudgetExceededException e)
        {
            _out.Flush();
            _env.Stderr.WriteLine("jq: error (at " + Where() + "): " + e.Message + " (raise it with --max-steps / --max-memory)");
            exit = 5;
        }
        catch (InsufficientExecutionStackException)
        {
            _out.Flush();
            _env.Stderr.WriteLine("jq: error (at " + Where() + "): evaluation nested too deeply (stack exhausted)");
            exit = 5;
        }

        last = lastLocal;
        anyOutput = any;
        return exit;
    }

    private string Where() => !_anyInputRead ? "<unknown>" : (_name ?? "<stdin>") + ":" + CurrentLine;

    private void Write(JqValue v)
    {
        _sb.Clear();
        if (_o.Seq)
        {
            _sb.Append('\u001e');
        }

        if (_o.Raw && v is JqString s)
        {
            if (_o.Ascii)
            {
                JqJsonWriter.WriteString(_sb, s.Value, true);
            }
            else
            {
                _sb.Append(s.Value);
            }
        }
        else
        {
            JqJsonWriter.Write(_sb, v, _write);
        }

        if (!_o.Join)
        {
            _sb.Append('\n');
        }

        foreach (ReadOnlyMemory<char> chunk in _sb.GetChunks())
        {
            byte[] bytes = Utf8.GetBytes(chunk.ToArray());
            _out.Write(bytes);
        }
    }

    private JqValue SlurpAll()
    {
        if (_o.RawInput)
        {
            var text = new StringBuilder();
            while (NextSource())
            {
                text.Append(_reader!.ReadRemainingText());
            }

            return new JqString(text.ToString());
        }

        var items = new List<JqValue>();
        while (TryNext(out JqValue v))
        {
            items.Add(v);
        }

        return new JqArray(items);
    }

    public bool TryNext(out JqValue value)
    {
        while (true)
        {
            if (_reader is not null)
            {
                if (_o.RawInput)
                {
                    _lines ??= new StreamReader(_current!, Utf8);
                    string? line = _lines.ReadLine();
                    if (line is not null)
                    {
                        _anyInputRead = true;
                        value = new JqString(line);
                        return true;
                    }
                }
                else if (_reader.TryRead(out value))
                {
                    _anyInputRead = true;
                    return true;
                }
            }

            if (!NextSource())
            {
                value = JqValue.Null;
                return false;
            }
        }
    }

    private bool NextSource()
    {
        CloseCurrent();
        _fileIndex++;
        if (_o.Files.Count == 0 ? _fileIndex > 0 : _fileIndex >= _o.Files.Count)
        {
            return false;
        }

        Stream raw;
        if (_o.Files.Count == 0)
        {
            raw = _env.Stdin;
            _name = null;
        }
        else
        {
            _name = _o.Files[_fileIndex];
            try
            {
                raw = File.OpenRead(_name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _env.Stderr.WriteLine($"jq: error: Could not open {_name}: {e.Message}");
                return NextSource();
            }
        }

        _current = MaybeGunzip(raw);
        _reader = new JqValueStreamReader(_current);
        return true;
    }

    private static Stream MaybeGunzip(Stream raw)
    {
        var buffered = new BufferedStream(raw, 1 << 16);
        Span<byte> head = stackalloc byte[2];
        int n = 0;
        try
        {
            while (n < 2)
            {
                int r = buffered.Read(head[n..]);
                if (r == 0)
                {
                    break;
                }

                n += r;
            }
        }
        catch (NotSupportedException)
        {
            return buffered;
        }

        var prefix = new MemoryStream(head[..n].ToArray());
        Stream joined = new ConcatStream(prefix, buffered);
        return n == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(joined, CompressionMode.Decompress) : joined;
    }

    private void CloseCurrent()
    {
        _reader?.Dispose();
        _reader = null;
        _lines = null;
        if (_current is not null && _o.Files.Count > 0)
        {
            _current.Dispose();
        }

        _current = null;
    }

    public void Dispose() => CloseCurrent();

    /// <summary>Two streams read one after the other.</summary>
    private sealed class ConcatStream(Stream first, Stream second) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = first.Read(buffer, offset, count);
            return n > 0 ? n : second.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                first.Dispose();
                second.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
