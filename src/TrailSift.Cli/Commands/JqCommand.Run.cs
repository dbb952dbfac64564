using System.Buffers;
using System.Text;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Input;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Running;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Cli.Commands;

/// <summary>One execution of <c>trailsift jq</c>: inputs in, outputs streamed, jq's exit code out.</summary>
internal sealed class JqRun : IJqInputs, IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly JqOptions _o;
    private readonly JqProgram _program;
    private readonly AppEnvironment _env;
    private readonly JqOutputStyle _style;
    private readonly ArrayBufferWriter<byte> _bytes = new(4096);
    private readonly Stream _out;
    private readonly StringBuilder _sb = new();
    private readonly JqFileChain _chain;
    private readonly JqInputReader _reader;
    private StreamReader? _lines;
    private bool _anyInputRead;

    public JqRun(JqOptions o, JqProgram program, AppEnvironment env)
    {
        _o = o;
        _program = program;
        _env = env;
        bool color = o.Color ?? (env.StdoutIsTerminal && !env.NoColor);
        _style = new JqOutputStyle
        {
            Compact = o.Compact,
            Tab = o.Tab,
            Indent = o.Indent,
            SortKeys = o.SortKeys,
            Ascii = o.Ascii,
            Raw = o.Raw,
            Join = o.Join,
            Seq = o.Seq,
            Colors = color ? JqWriteOptions.ParseColors(Environment.GetEnvironmentVariable("JQ_COLORS")) ?? JqWriteOptions.DefaultColors : null,
        };
        _out = new BufferedStream(env.Stdout, 1 << 16);
        _chain = new JqFileChain(o.Files, env.Stdin, env.Stderr);
        _reader = new JqInputReader(_chain, o.Seq);
    }

    public string? CurrentFileName => !_o.RawInput ? _chain.CurrentName : _anyInputRead ? _chain.CurrentName : null;

    public int CurrentLine => _o.RawInput ? 0 : _chain.CurrentLine;

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
                while (NextInput(out JqValue input))
                {
                    exit = RunOne(cx, input, ref last, ref anyOutput, exit);
                }
            }
        }
        catch (JqInputException e)
        {
            // jq 1.7: a JSON parse error in the input ends the run with exit 5.
            _out.Flush();
            _env.Stderr.WriteLine("jq: parse error: " + e.Message);
            return 5;
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

        if (_chain.HadOpenError)
        {
            return 2;
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
            _env.Stderr.WriteLine("jq: error (at " + Where() + "): " + e.Message + (e.Message.StartsWith("evaluation budget", StringComparison.Ordinal) ? " (raise it with --max-steps / --max-memory)" : string.Empty));
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

    private string Where() => CurrentFileName is { } name ? name + ":" + CurrentLine : "<unknown>";

    private void Write(JqValue v)
    {
        _bytes.ResetWrittenCount();
        _style.Write(_bytes, _sb, v);
        _out.Write(_bytes.WrittenSpan);
    }

    private JqValue SlurpAll()
    {
        if (_o.RawInput)
        {
            using var all = new MemoryStream();
            _chain.CopyTo(all);
            string text = Encoding.UTF8.GetString(all.GetBuffer(), 0, (int)all.Length);
            _anyInputRead = true;
            return new JqString(text);
        }

        var items = new List<JqValue>();
        _reader.Slurp = true;
        while (NextInput(out JqValue v))
        {
            items.Add(v);
        }

        return new JqArray(items);
    }

    // The next input for the main loop: a parse error ends the run (jq: "parse error", exit 5), or with --seq is reported
    // ("ignoring parse error") and skipped.
    private bool NextInput(out JqValue value)
    {
        if (_o.RawInput)
        {
            return TryNext(out value);
        }

        while (true)
        {
            switch (_reader.Next(out value, out string? error))
            {
                case JqTextParser.Result.Value:
                    _anyInputRead = true;
                    return true;
                case JqTextParser.Result.Error when _o.Seq:
                    _out.Flush();
                    _env.Stderr.WriteLine("jq: ignoring parse error: " + error);
                    continue;
                case JqTextParser.Result.Error:
                    throw new JqInputException(error!);
                default:
                    return false;
            }
        }
    }

    /// <summary>The next input for <c>input</c>/<c>inputs</c>: a parse error is an error of the program, as in jq.</summary>
    public bool TryNext(out JqValue value)
    {
        if (_o.RawInput)
        {
            _lines ??= new StreamReader(_chain, Utf8);
            string? line = _lines.ReadLine();
            value = line is null ? JqValue.Null : new JqString(line);
            _anyInputRead |= line is not null;
            return line is not null;
        }

        switch (_reader.Next(out value, out string? error))
        {
            case JqTextParser.Result.Value:
                _anyInputRead = true;
                return true;
            case JqTextParser.Result.Error:
                throw new JqRuntimeException(error!);
            default:
                return false;
        }
    }

    public void Dispose()
    {
        _chain.Dispose();
    }
}
