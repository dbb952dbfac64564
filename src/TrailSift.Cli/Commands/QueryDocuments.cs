using TrailSift.Cli.Reporting;
using TrailSift.Core.Query.Jq.Input;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;
using TrailSift.Core.Sources;

namespace TrailSift.Cli.Commands;

/// <summary>
/// The input documents of a whole-document jq program (<c>query '.Records | length'</c>, <c>-s</c>, <c>-n</c> with
/// <c>inputs</c>): every JSON text of every listed object, in order, gzip decoded. A document that is not valid JSON is
/// reported with its file and the rest of that file is skipped, as jq does with a broken input.
/// </summary>
/// <remarks>Not thread-safe: one per run.</remarks>
internal sealed class QueryDocuments(IAsyncEnumerable<LogObject> objects, ConsoleReporter reporter) : IJqInputs, IDisposable
{
    private readonly IAsyncEnumerator<LogObject> _objects = objects.GetAsyncEnumerator();
    private LogObject? _current;
    private DecodedStream? _stream;
    private JqValueStreamReader? _reader;

    /// <summary>Documents read.</summary>
    public long Documents { get; private set; }

    /// <summary>Files opened.</summary>
    public long Files { get; private set; }

    /// <inheritdoc/>
    public string? CurrentFileName => _current is { IsStandardInput: false } o ? o.Path : null;

    /// <inheritdoc/>
    public int CurrentLine => _reader?.Line ?? 0;

    /// <summary>Where the current document came from, for messages.</summary>
    public string Where => _current?.Path ?? "-";

    /// <inheritdoc/>
    public bool TryNext(out JqValue value)
    {
        while (true)
        {
            if (_reader is not null)
            {
                try
                {
                    if (_reader.TryRead(out value))
                    {
                        Documents++;
                        return true;
                    }
                }
                catch (Exception e) when (e is JqInputException or IOException or InvalidDataException)
                {
                    reporter.Report(Where, e.Message);
                }

                CloseCurrent();
            }

            if (!_objects.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                value = JqValue.Null;
                return false;
            }

            _current = _objects.Current;
            try
            {
                _stream = DecodedStream.Open(_current.OpenRaw());
                _reader = new JqValueStreamReader(_stream);
                Files++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                reporter.Report(Where, e.Message);
                CloseCurrent();
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        CloseCurrent();
        _objects.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private void CloseCurrent()
    {
        _reader?.Dispose();
        _reader = null;
        _stream?.Dispose();
        _stream = null;
    }
}
