using System.Buffers;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Running;

/// <summary>
/// Prints the output of a per-event program that only copies event members — a path <c>.a.b</c>, or an object
/// <c>{k: .a.b, name, "x y": .c}</c> of such paths under constant, distinct keys — straight from the event's token
/// index, without building jq values: an unescaped string is copied as its UTF-8 bytes, <c>true</c>/<c>false</c>/
/// <c>null</c> as written; any other value (numbers, escaped strings, arrays, objects) is read and printed by the jq
/// engine's own reader and writer, so the bytes are the engine's. An event on which a path meets a value jq cannot
/// index (a string, an array, a number) is declined, and the caller runs the jq engine, which raises jq's error.
/// </summary>
/// <remarks>Holds scratch state: one instance per scan worker.</remarks>
internal sealed class DirectProjection
{
    private readonly Entry[] _entries;
    private readonly bool _object;
    private readonly JqWriteOptions _options;
    private readonly bool _raw;
    private readonly bool _mark;
    private readonly int[] _found;
    private readonly StringBuilder _sb = new();

    private DirectProjection(Entry[] entries, bool isObject, JqOutputStyle style)
    {
        _entries = entries;
        _object = isObject;
        _options = style.WriteOptions;
        _raw = style.Raw && !isObject;
        _mark = style.MarkOutputs;
        _found = new int[entries.Length];
    }

    /// <summary>The projection <paramref name="f"/> prints directly, or null when it needs the jq engine.</summary>
    public static DirectProjection? TryCreate(JqAst f, JqOutputStyle style)
    {
        if (style.Raw && style.Ascii)
        {
            return null; // the engine's -r -a path
        }

        f = Unparen(f);
        if (PathOf(f) is { } single)
        {
            return new DirectProjection([new Entry([], single)], false, style);
        }

        if (f is not ObjectAst o)
        {
            return null;
        }

        var entries = new List<(string Key, byte[][] Path)>();
        foreach (ObjectEntryAst e in o.Entries)
        {
            if (StaticString(e.Key) is not { } key || (e.Value is null ? [Encoding.UTF8.GetBytes(key)] : PathOf(Unparen(e.Value))) is not { } path
                || entries.Exists(x => x.Key == key))
            {
                return null;
            }

            entries.Add((key, path));
        }

        if (style.SortKeys)
        {
            entries.Sort((a, b) => JqOrder.CompareStrings(a.Key, b.Key));
        }

        JqWriteOptions options = style.WriteOptions;
        return new DirectProjection(
            [.. entries.Select((x, i) => new Entry(KeyBytes(x.Key, i == 0, options), x.Path))],
            true,
            style);

        static byte[] KeyBytes(string key, bool first, JqWriteOptions options)
        {
            bool pretty = options.Indent > 0 || options.UseTab;
            var sb = new StringBuilder();
            sb.Append(first ? "{" : ",");
            if (pretty)
            {
                sb.Append('\n').Append(options.UseTab ? "\t" : new string(' ', options.Indent));
            }

            JqJsonWriter.WriteString(sb, key, options.Ascii);
            sb.Append(pretty ? ": " : ":");
            return Encoding.UTF8.GetBytes(sb.ToString());
        }
    }

    /// <summary>
    /// Writes the output for <paramref name="record"/> (newline and <c>--limit</c> marker included) and returns true; or
    /// writes nothing and returns false when the jq engine must run the event.
    /// </summary>
    public bool TryWrite(EventRecord record, IBufferWriter<byte> output)
    {
        RecordIndex index = record.Index;
        ReadOnlySpan<byte> utf8 = record.Utf8;
        if (index.Count == 0 || index[0].Kind != JsonKind.Object)
        {
            return false;
        }

        for (int i = 0; i < _entries.Length; i++)
        {
            int token = 0;
            foreach (byte[] name in _entries[i].Path)
            {
                JsonKind kind = token < 0 ? JsonKind.Null : index[token].Kind;
                if (kind == JsonKind.Null)
                {
                    token = -1;
                    continue;
                }

                if (kind != JsonKind.Object || !TryMember(index, utf8, token, name, out token))
                {
                    return false; // jq's "Cannot index …" error, or an escaped key: the engine decides
                }
            }

            _found[i] = token;
        }

        for (int i = 0; i < _entries.Length; i++)
        {
            Write(output, _entries[i].Key);
            WriteValue(output, index, utf8, _found[i]);
        }

        if (_object)
        {
            if (_entries.Length == 0)
            {
                Write(output, "{}"u8);
            }
            else
            {
                if (_options.Indent > 0 || _options.UseTab)
                {
                    Write(output, "\n"u8);
                }

                Write(output, "}"u8);
            }
        }

        Write(output, "\n"u8);
        if (_mark)
        {
            Write(output, [JqOutputStyle.OutputMarker]);
        }

        return true;
    }

    // The last member named `name` of the object at `token` (jq keeps the last of duplicate keys), -1 when absent;
    // false when a key has escapes (compared by the engine instead).
    private static bool TryMember(RecordIndex index, ReadOnlySpan<byte> utf8, int token, byte[] name, out int value)
    {
        value = -1;
        int end = index[token].Next;
        int i = token + 1;
        while (i < end)
        {
            ref JsonToken key = ref index[i];
            if (key.HasEscapes)
            {
                return false;
            }

            if (utf8.Slice(key.Start, key.Length).SequenceEqual(name))
            {
                value = i + 1;
            }

            i = index[i + 1].Next;
        }

        return true;
    }

    private void WriteValue(IBufferWriter<byte> output, RecordIndex index, ReadOnlySpan<byte> utf8, int token)
    {
        if (token < 0)
        {
            Write(output, "null"u8);
            return;
        }

        ref JsonToken t = ref index[token];
        switch (t.Kind)
        {
            case JsonKind.String when !t.HasEscapes:
                {
                    ReadOnlySpan<byte> content = utf8.Slice(t.Start, t.Length);
                    if (content.IndexOf((byte)0x7F) < 0 && (!_options.Ascii || System.Text.Ascii.IsValid(content)))
                    {
                        // Valid UTF-8 (the reader repaired it), no escapes: jq prints these bytes as they are.
                        Write(output, _raw ? content : utf8.Slice(t.Start - 1, t.Length + 2));
                        return;
                    }

                    break;
                }

            case JsonKind.True:
                Write(output, "true"u8);
                return;
            case JsonKind.False:
                Write(output, "false"u8);
                return;
            case JsonKind.Null:
                Write(output, "null"u8);
                return;
        }

        ReadOnlySpan<byte> raw = t.Kind == JsonKind.String ? utf8.Slice(t.Start - 1, t.Length + 2) : utf8.Slice(t.Start, t.Length);
        var reader = new Utf8JsonReader(raw, JqJsonReader.Options);
        reader.Read();
        JqValue v = JqJsonReader.ReadValue(ref reader);
        _sb.Clear();
        if (_raw && v is JqString s)
        {
            _sb.Append(s.Value);
        }
        else
        {
            JqJsonWriter.Write(_sb, v, _options, _object ? 1 : 0);
        }

        JqOutputStyle.Encode(output, _sb);
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    // `.a.b."c"`: the member names, outermost first; null for any other expression.
    private static byte[][]? PathOf(JqAst a)
    {
        var names = new List<byte[]>();
        while (a is IndexAst { Key: var k } ix && StaticString(k) is { } name)
        {
            names.Add(Encoding.UTF8.GetBytes(name));
            a = Unparen(ix.Target);
        }

        if (a is not IdentityAst || names.Count == 0)
        {
            return null;
        }

        names.Reverse();
        return [.. names];
    }

    private static string? StaticString(JqAst a) => a switch
    {
        LiteralAst { Value: JqString s } => s.Value,
        StringAst { Format: "text", ExplicitFormat: false, Parts: var parts } when parts.All(p => p is string) => string.Concat(parts.Cast<string>()),
        _ => null,
    };

    private static JqAst Unparen(JqAst a) => a is ParenAst p ? Unparen(p.Body) : a;

    private sealed record Entry(byte[] Key, byte[][] Path);
}
