using System.Buffers;
using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;
using TrailSift.Core.Query.Running;

namespace TrailSift.Core.Query;

/// <summary>
/// A jq expression evaluated on each event, for <c>count --by</c> and <c>--fields</c>: its value is the expression's
/// one output (<c>null</c> when it has none, the array of its outputs when it has several). A plain path
/// (<c>.eventName</c>, <c>.userIdentity.arn</c>, <c>.resources[0]</c>) is read in place, without building values;
/// anything else (<c>.eventTime[0:13]</c>, <c>.userIdentity | .arn // .principalId</c>) runs on the jq engine.
/// A bare name (<c>eventName</c>) means <c>.eventName</c>.
/// </summary>
/// <remarks>Immutable; thread-safe (the jq engine uses one context per thread).</remarks>
public sealed class EventExpression
{
    [ThreadStatic]
    private static JqContext? t_context;

    private readonly JqProgram _program;
    private readonly object[]? _steps; // byte[] names and int indexes of a plain path
    private readonly InputKeys? _keys;

    private EventExpression(string text, string name, JqProgram program, object[]? steps, InputKeys? keys)
    {
        _keys = keys;
        Text = text;
        Name = name;
        _program = program;
        _steps = steps;
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>A column or key name: the last field of a path, else the text without its leading dot.</summary>
    public string Name { get; }

    /// <summary>True when the value is read in place (a plain path).</summary>
    public bool InPlace => _steps is not null;

    /// <summary>Parses an expression; null with <paramref name="error"/> (filter, caret) when it is not valid jq.</summary>
    public static EventExpression? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        string source = trimmed.Length > 0 && (char.IsAsciiLetter(trimmed[0]) || trimmed[0] == '_') && IndexAst.IsIdent(trimmed) ? "." + trimmed : trimmed;
        error = null;
        try
        {
            JqAst ast = JqParser.Parse(source);
            List<object>? steps = [];
            string? last = null;
            if (!Collect(ast, steps, ref last))
            {
                steps = null;
            }

            string name = steps is { Count: > 0 } && last is not null ? last : source.TrimStart('.');
            return new EventExpression(text, name.Length == 0 ? source : name, JqProgram.Compile(source), steps?.ToArray(), InputKeys.Of(ast));
        }
        catch (JqParseException e)
        {
            error = e.Render(source);
            return null;
        }
    }

    /// <summary>Writes the value as a group key: a string's UTF-8 text (returns true), or compact JSON (returns false).</summary>
    public bool WriteKey(EventRecord record, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(output);
        if (TryInPlace(record, out JsonNode node))
        {
            if (node.Kind == JsonKind.String)
            {
                Span<byte> span = output.GetSpan(node.RawStringContent.Length);
                output.Advance(node.CopyUtf8String(span));
                return true;
            }

            if (node.Kind == JsonKind.Undefined)
            {
                Put(output, "null");
            }
            else
            {
                JsonNodeWriter.WriteCompact(node, output);
            }

            return false;
        }

        JqValue v = Evaluate(record);
        Put(output, v is JqString s ? s.Value : JqJsonWriter.ToJson(v));
        return v is JqString;
    }

    /// <summary>The value as a table cell: a string's text, nothing for <c>null</c>, else compact JSON.</summary>
    public string CellText(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (TryInPlace(record, out JsonNode node))
        {
            return EventCell(node);
        }

        JqValue v = Evaluate(record);
        return v switch
        {
            JqString s => s.Value,
            { Kind: JqKind.Null } => string.Empty,
            _ => JqJsonWriter.ToJson(v),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static string EventCell(JsonNode node) => node.Kind is JsonKind.Undefined or JsonKind.Null ? string.Empty : node.ToString();

    private static void Put(IBufferWriter<byte> output, string text)
    {
        Span<byte> span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    // jq's .name and .[n] on the event: null through null and missing values; any other type mismatch is a jq
    // error, which the jq engine raises with its own message.
    private bool TryInPlace(EventRecord record, out JsonNode node)
    {
        node = record.Root;
        if (_steps is null)
        {
            return false;
        }

        foreach (object step in _steps)
        {
            if (node.IsNullOrUndefined)
            {
                node = default;
                return true;
            }

            if (step is byte[] name && node.Kind == JsonKind.Object)
            {
                node = node.GetProperty(name);
            }
            else if (step is int i && node.Kind == JsonKind.Array)
            {
                node = node.GetElement(i);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private JqValue Evaluate(EventRecord record)
    {
        JqContext cx = t_context ??= new JqContext();
        var outputs = new List<JqValue>(1);
        EventValues.Guard(record, () =>
        {
            cx.ResetSteps();
            try
            {
                _program.Run(cx, EventValues.Of(record, _keys), outputs.Add);
            }
            catch (JqRuntimeException e) when (!e.IsHalt)
            {
                throw new InvalidDataException($"event {record.Ordinal + 1}: jq: error in '{Text}'{e.Describe()}", e);
            }
        });
        return outputs.Count switch
        {
            0 => JqValue.Null,
            1 => outputs[0],
            _ => new JqArray(outputs),
        };
    }

    private static bool Collect(JqAst a, List<object> steps, ref string? last)
    {
        switch (a)
        {
            case IdentityAst:
                return true;
            case IndexAst { Key: LiteralAst { Value: JqString s } } i when Collect(i.Target, steps, ref last):
                steps.Add(Encoding.UTF8.GetBytes(s.Value));
                last = s.Value;
                return true;
            case IndexAst { Key: LiteralAst { Value: JqNumber n } } i when n.Value >= 0 && n.Value == Math.Floor(n.Value) && n.Value < int.MaxValue
                && Collect(i.Target, steps, ref last):
                steps.Add((int)n.Value);
                return true;
            default:
                return false;
        }
    }
}
