using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace TrailSift.Core.Json;

/// <summary>
/// A view of one value inside an <see cref="IndexedJson"/> (an event record, or a small document such as a policy):
/// the indexed text plus a token position. Valid only while the text holds the same value (for an event record, during
/// the sink or predicate callback).
/// </summary>
/// <remarks>Immutable struct over mutable, worker-owned state; not thread-safe.</remarks>
public readonly struct JsonNode
{
    private readonly IndexedJson? _record;
    private readonly int _token;

    internal JsonNode(IndexedJson record, int token)
    {
        _record = record;
        _token = token;
    }

    /// <summary>A node standing for no value (a missing property).</summary>
    public static JsonNode Undefined => default;

    /// <summary>The kind of value; <see cref="JsonKind.Undefined"/> for a missing value.</summary>
    public JsonKind Kind => _record is null ? JsonKind.Undefined : Token.Kind;

    /// <summary>True when the value is absent or JSON <c>null</c> (both read as null in jq).</summary>
    public bool IsNullOrUndefined => Kind is JsonKind.Undefined or JsonKind.Null;

    internal IndexedJson? Record => _record;

    internal int TokenIndex => _token;

    private ref JsonToken Token => ref _record!.Index[_token];

    /// <summary>The exact source bytes of the value (strings include their quotes).</summary>
    public ReadOnlySpan<byte> RawJson
    {
        get
        {
            if (_record is null)
            {
                return default;
            }

            ref JsonToken t = ref Token;
            return t.Kind == JsonKind.String
                ? _record.Utf8.Slice(t.Start - 1, t.Length + 2)
                : _record.Utf8.Slice(t.Start, t.Length);
        }
    }

    /// <summary>For strings, the raw content between the quotes, escapes not decoded.</summary>
    public ReadOnlySpan<byte> RawStringContent
    {
        get
        {
            ref JsonToken t = ref Token;
            return _record!.Utf8.Slice(t.Start, t.Length);
        }
    }

    /// <summary>True when the string's source text contains escape sequences.</summary>
    public bool HasEscapes => _record is not null && Token.HasEscapes;

    /// <summary>Number of elements of an array or properties of an object; 0 otherwise.</summary>
    public int ChildCount => _record is null ? 0 : Token.ChildCount;

    /// <summary>Byte offset of the value in its text: a string's opening quote, a number's or literal's first byte, a container's bracket; -1 when undefined.</summary>
    public int Offset => _record is null ? -1 : Token.Kind == JsonKind.String ? Token.Start - 1 : Token.Start;

    /// <summary>
    /// Looks up a property of an object by its UTF-8 name (exact, case-sensitive, as jq). When the name occurs more than
    /// once, the last occurrence is the value, as jq parses such an object (a log an attacker touched may repeat a key
    /// to hide an event from a filter that reads the first).
    /// </summary>
    /// <returns>The value, or <see cref="Undefined"/> when absent or when this is not an object.</returns>
    public JsonNode GetProperty(ReadOnlySpan<byte> utf8Name)
    {
        if (Kind != JsonKind.Object)
        {
            return default;
        }

        RecordIndex index = _record!.Index;
        ReadOnlySpan<byte> bytes = _record.Utf8;
        if (_token == 0 && _record.RootNames is RootNames names && names.TryFind(index, bytes, utf8Name, out int tabled))
        {
            return tabled < 0 ? default : new JsonNode(_record, tabled);
        }

        int end = index[_token].Next;
        int i = _token + 1;
        int found = -1;
        while (i < end)
        {
            ref JsonToken name = ref index[i];
            int value = i + 1;
            if (NameEquals(bytes, ref name, utf8Name))
            {
                found = value;
            }

            i = index[value].Next;
        }

        return found < 0 ? default : new JsonNode(_record, found);
    }

    /// <summary>
    /// Looks up a property ignoring ASCII case, in one walk: the last exact match (as
    /// <see cref="GetProperty(ReadOnlySpan{byte})"/> reads it), else the first unescaped name equal ignoring case.
    /// </summary>
    internal JsonNode GetPropertyIgnoreAsciiCase(ReadOnlySpan<byte> utf8Name)
    {
        if (Kind != JsonKind.Object)
        {
            return default;
        }

        RecordIndex index = _record!.Index;
        ReadOnlySpan<byte> bytes = _record.Utf8;
        int end = index[_token].Next;
        int exact = -1, folded = -1;
        for (int i = _token + 1; i < end; i = index[i + 1].Next)
        {
            ref JsonToken name = ref index[i];
            if (name.HasEscapes)
            {
                exact = Unescaped(bytes.Slice(name.Start, name.Length), utf8Name) ? i + 1 : exact;
            }
            else if (name.Length == utf8Name.Length)
            {
                ReadOnlySpan<byte> raw = bytes.Slice(name.Start, name.Length);
                if (raw.SequenceEqual(utf8Name))
                {
                    exact = i + 1;
                }
                else if (folded < 0 && Ascii.EqualsIgnoreCase(raw, utf8Name))
                {
                    folded = i + 1;
                }
            }
        }

        int found = exact >= 0 ? exact : folded;
        return found < 0 ? default : new JsonNode(_record, found);
    }

    /// <summary>Looks up a property by name.</summary>
    public JsonNode GetProperty(string name)
    {
        int max = Encoding.UTF8.GetMaxByteCount(name.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(max));
        int n = Encoding.UTF8.GetBytes(name, buffer);
        JsonNode result = GetProperty(buffer[..n]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Returns the element at <paramref name="position"/> of an array (negative counts from the end).</summary>
    public JsonNode GetElement(int position)
    {
        if (Kind != JsonKind.Array)
        {
            return default;
        }

        int count = ChildCount;
        if (position < 0)
        {
            position += count;
        }

        if (position < 0 || position >= count)
        {
            return default;
        }

        RecordIndex index = _record!.Index;
        int i = _token + 1;
        for (int k = 0; k < position; k++)
        {
            i = index[i].Next;
        }

        return new JsonNode(_record, i);
    }

    /// <summary>Enumerates an array's elements, or an object's property values (as jq's <c>.[]</c>).</summary>
    public ChildEnumerator EnumerateChildren() => new(this);

    /// <summary>Enumerates an object's properties as (name, value) pairs.</summary>
    public PropertyEnumerator EnumerateProperties() => new(this);

    /// <summary>Compares a string value with UTF-8 text, decoding escapes when present.</summary>
    public bool StringEquals(ReadOnlySpan<byte> utf8)
    {
        if (Kind != JsonKind.String)
        {
            return false;
        }

        ref JsonToken t = ref Token;
        ReadOnlySpan<byte> raw = _record!.Utf8.Slice(t.Start, t.Length);
        return t.HasEscapes ? Unescaped(raw, utf8) : raw.SequenceEqual(utf8);
    }

    /// <summary>Decodes a string value (or property name) to UTF-8 into <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes written, which is never more than the raw length.</returns>
    public int CopyUtf8String(Span<byte> destination)
    {
        ref JsonToken t = ref Token;
        ReadOnlySpan<byte> raw = _record!.Utf8.Slice(t.Start, t.Length);
        if (!t.HasEscapes)
        {
            raw.CopyTo(destination);
            return raw.Length;
        }

        return Unescape(raw, destination);
    }

    /// <summary>Decodes a string value to a .NET string (allocates).</summary>
    public string GetString()
    {
        if (Kind != JsonKind.String)
        {
            throw new InvalidOperationException($"Value is {Kind}, not a string.");
        }

        ref JsonToken t = ref Token;
        ReadOnlySpan<byte> raw = _record!.Utf8.Slice(t.Start, t.Length);
        if (!t.HasEscapes)
        {
            return Encoding.UTF8.GetString(raw);
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        int n = Unescape(raw, rented);
        string s = Encoding.UTF8.GetString(rented, 0, n);
        ArrayPool<byte>.Shared.Return(rented);
        return s;
    }

    /// <summary>The value of a number as a double (jq 1.6 semantics).</summary>
    public double GetDouble()
    {
        ReadOnlySpan<byte> raw = RawJson;
        if (Utf8Parser.TryParse(raw, out double d, out int consumed) && consumed == raw.Length)
        {
            return d;
        }

        return double.Parse(Encoding.UTF8.GetString(raw), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Returns the value as text for messages and tables: strings decoded, others as JSON.</summary>
    public override string ToString() => Kind switch
    {
        JsonKind.Undefined => string.Empty,
        JsonKind.String => GetString(),
        _ => Encoding.UTF8.GetString(RawJson),
    };

    private static bool NameEquals(ReadOnlySpan<byte> bytes, ref JsonToken name, ReadOnlySpan<byte> utf8Name)
    {
        ReadOnlySpan<byte> raw = bytes.Slice(name.Start, name.Length);
        return name.HasEscapes ? Unescaped(raw, utf8Name) : raw.SequenceEqual(utf8Name);
    }

    private static bool Unescaped(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> expected)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        int n = Unescape(raw, rented);
        bool eq = rented.AsSpan(0, n).SequenceEqual(expected);
        ArrayPool<byte>.Shared.Return(rented);
        return eq;
    }

    /// <summary>Decodes JSON string escapes from <paramref name="raw"/>; the output is never longer than the input.</summary>
    internal static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        // Let the framework decode: wrap the raw content in quotes and read it as one string token.
        byte[] quoted = ArrayPool<byte>.Shared.Rent(raw.Length + 2);
        quoted[0] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        quoted[raw.Length + 1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted.AsSpan(0, raw.Length + 2));
        reader.Read();
        int n = reader.CopyString(destination);
        ArrayPool<byte>.Shared.Return(quoted);
        return n;
    }

    /// <summary>Enumerates child values; see <see cref="EnumerateChildren"/>.</summary>
    public struct ChildEnumerator
    {
        private readonly IndexedJson? _record;
        private readonly int _end;
        private readonly bool _isObject;
        private int _next;
        private int _current;

        internal ChildEnumerator(JsonNode node)
        {
            _record = node.Record;
            _current = -1;
            if (node.Kind is JsonKind.Array or JsonKind.Object)
            {
                _isObject = node.Kind == JsonKind.Object;
                _next = node.TokenIndex + 1;
                _end = _record!.Index[node.TokenIndex].Next;
            }
            else
            {
                _isObject = false;
                _next = 0;
                _end = 0;
            }
        }

        public readonly JsonNode Current => new(_record!, _current);

        public bool MoveNext()
        {
            if (_next >= _end)
            {
                return false;
            }

            _current = _isObject ? _next + 1 : _next;
            _next = _record!.Index[_current].Next;
            return true;
        }

        public readonly ChildEnumerator GetEnumerator() => this;
    }

    /// <summary>Enumerates (name, value) pairs of an object.</summary>
    public struct PropertyEnumerator
    {
        private readonly IndexedJson? _record;
        private readonly int _end;
        private int _next;
        private int _name;

        internal PropertyEnumerator(JsonNode node)
        {
            _record = node.Record;
            _name = -1;
            if (node.Kind == JsonKind.Object)
            {
                _next = node.TokenIndex + 1;
                _end = _record!.Index[node.TokenIndex].Next;
            }
            else
            {
                _next = 0;
                _end = 0;
            }
        }

        /// <summary>The property's name as a string node.</summary>
        public readonly JsonNode Name => new(_record!, _name);

        /// <summary>The property's value.</summary>
        public readonly JsonNode Value => new(_record!, _name + 1);

        public readonly PropertyEnumerator Current => this;

        public bool MoveNext()
        {
            if (_next >= _end)
            {
                return false;
            }

            _name = _next;
            _next = _record!.Index[_name + 1].Next;
            return true;
        }

        public readonly PropertyEnumerator GetEnumerator() => this;
    }
}
