using System.Text;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Runtime;

namespace TrailSift.Core.Query.Running;

/// <summary>
/// Runs <c>F</c> of <c>.Records[] | F</c> on each event a scan worker passes and prints its outputs as jq does, in file
/// order through an <see cref="OrderedWriter"/>. A jq error ends that file's outputs, as in jq; it is reported with
/// the file and event number and the scan goes on with the next file.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker.</remarks>
public sealed class JqEventSink : IEventSink, ISequencedSink
{
    private readonly OrderedWriter _writer;
    private readonly JqProgram _program;
    private readonly JqOutputStyle _style;
    private readonly Action<string, string> _report;
    private readonly InputKeys? _keys;
    private readonly DirectProjection? _direct;
    private readonly JqContext _context = new();
    private readonly StringBuilder _sb = new();
    private bool _stopped;

    /// <summary>Creates the sink; <paramref name="report"/> receives (path, message) for jq errors.</summary>
    public JqEventSink(OrderedWriter writer, EventFilter filter, JqOutputStyle style, Action<string, string> report)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _writer = writer;
        _program = filter.PerEvent ?? throw new ArgumentException("The filter does not stream per event.", nameof(filter));
        _style = style;
        _report = report;
        _keys = filter.PerEventKeys;
        _direct = filter.PerEventAst is { } f ? DirectProjection.TryCreate(f, style) : null;
    }

    /// <summary>Outputs printed by this worker.</summary>
    public long Outputs { get; private set; }

    /// <summary>Events on which a jq error ended a file's outputs.</summary>
    public long Errors { get; private set; }

    /// <inheritdoc />
    public bool StopRequested => _writer.IsBroken;

    /// <inheritdoc />
    public void BeginObject(int sequence, string path)
    {
        _stopped = false;
        _writer.Begin(sequence);
    }

    /// <inheritdoc />
    public void EndObject(int sequence, string path) => _writer.End();

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        if (_stopped)
        {
            return;
        }

        if (_direct is not null && _direct.TryWrite(record, _writer))
        {
            Outputs++;
            return;
        }

        try
        {
            Run(record);
        }
        catch (InvalidDataException e) when (e.InnerException is JqBudgetExceededException)
        {
            // Over its budget (steps, memory, a regex timeout): this event's evaluation ends, reported; the next event is read.
            Errors++;
            _report(record.SourcePath, e.Message);
        }
    }

    private void Run(EventRecord record)
    {
        EventValues.Guard(record, () =>
        {
            _context.ResetSteps();
            try
            {
                _program.Run(_context, EventValues.Of(record, _keys), v =>
                {
                    _style.Write(_writer, _sb, v);
                    Outputs++;
                });
            }
            catch (JqRuntimeException e) when (!e.IsHalt)
            {
                _stopped = true;
                Errors++;
                _report(record.SourcePath, $"jq: error (at event {record.Ordinal + 1})" + e.Describe() + "; the rest of this file is skipped, as jq does");
            }
        });
    }
}
