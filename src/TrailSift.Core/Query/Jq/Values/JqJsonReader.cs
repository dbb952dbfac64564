using System.Text;
using System.Text.Json;

namespace TrailSift.Core.Query.Jq.Values;

/// <summary>Builds jq values from UTF-8 JSON with <see cref="Utf8JsonReader"/>; numbers keep their literal text.</summary>
public static class JqJsonReader
{
    /// <summary>jq's parser depth limit.</summary>
    public const int MaxDepth = 10000;

    /// <summary>Reader options for jq input: several top-level values, no comments, jq's depth limit.</summary>
    public static JsonReaderOptions Options { get; } = new() { AllowMultipleValues = true, MaxDepth = MaxDepth };

    /// <summary>Parses exactly one JSON text (surrounding whitespace allowed).</summary>
    /// <exception cref="JsonException">The text is not one JSON value.</exception>
    public static JqValue ParseOne(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read())
        {
            throw new JsonException("Expected JSON value");
        }

        JqValue v = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("Unexpected extra JSON values");
        }

        return v;
    }

    /// <summary>Parses one JSON text from a string.</summary>
    public static JqValue ParseOne(string text) => ParseOne(Encoding.UTF8.GetBytes(text));

    /// <summary>Parses all whitespace-separated JSON texts.</summary>
    public static List<JqValue> ParseAll(ReadOnlySpan<byte> utf8)
    {
        var list = new List<JqValue>();
        var reader = new Utf8JsonReader(utf8, Options);
        while (reader.Read())
        {
            list.Add(ReadValue(ref reader));
        }

        return list;
    }

    /// <summary>Reads the value whose first token the reader is on; leaves the reader on its last token.</summary>
    public static JqValue ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var b = new JqObjectBuilder();
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        string key = ReadString(ref reader);
                        reader.Read();
                        b.Set(key, ReadValue(ref reader));
                    }

                    return b.ToObject();
                }

            case JsonTokenType.StartArray:
                {
                    var items = new List<JqValue>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(ReadValue(ref reader));
                    }

                    return items.Count == 0 ? JqArray.Empty : new JqArray(items);
                }

            case JsonTokenType.String:
                return new JqString(ReadString(ref reader));
            case JsonTokenType.Number:
                return ReadNumber(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
            case JsonTokenType.True:
                return JqValue.True;
            case JsonTokenType.False:
                return JqValue.False;
            default:
                return JqValue.Null;
        }
    }

    /// <summary>
    /// The string (or property name) the reader is on, as jq 1.7.1 reads it: invalid UTF-8 becomes U+FFFD, a lone low
    /// surrogate escape (<c>"\udc00"</c>) U+FFFD, and a high surrogate escape not followed by a low one is jq's parse
    /// error "Invalid \uXXXX\uXXXX surrogate pair escape" (.NET's reader would throw InvalidOperationException).
    /// </summary>
    /// <exception cref="JsonException">A high surrogate escape without its low surrogate.</exception>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            byte[] raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
            return reader.ValueIsEscaped ? Unescape(raw) : Encoding.UTF8.GetString(raw);
        }
    }

    // The escaped text of a string token that Utf8JsonReader has validated (escapes well formed), decoded as jq does.
    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var sb = new StringBuilder(raw.Length);
        int i = 0;
        while (i < raw.Length)
        {
            int run = raw[i..].IndexOf((byte)'\\');
            if (run != 0)
            {
                run = run < 0 ? raw.Length - i : run;
                sb.Append(Encoding.UTF8.GetString(raw.Slice(i, run)));
                i += run;
                continue;
            }

            char e = (char)raw[i + 1];
            if (e != 'u')
            {
                sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => e });
                i += 2;
                continue;
            }

            int cp = Hex(raw.Slice(i + 2, 4));
            i += 6;
            if (char.IsHighSurrogate((char)cp))
            {
                int low = i + 6 <= raw.Length && raw[i] == '\\' && raw[i + 1] == 'u' ? Hex(raw.Slice(i + 2, 4)) : -1;
                if (low < 0 || !char.IsLowSurrogate((char)low))
                {
                    throw new JsonException("Invalid \\uXXXX\\uXXXX surrogate pair escape");
                }

                sb.Append((char)cp).Append((char)low);
                i += 6;
                continue;
            }

            sb.Append(char.IsLowSurrogate((char)cp) ? '\uFFFD' : (char)cp);
        }

        return sb.ToString();
    }

    private static int Hex(ReadOnlySpan<byte> four) => int.Parse(Encoding.ASCII.GetString(four), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A number from its JSON text; plain short integers need no literal.</summary>
    public static JqNumber ReadNumber(ReadOnlySpan<byte> text)
    {
        if (text.Length <= 15)
        {
            bool plain = true;
            int start = text[0] == '-' ? 1 : 0;
            for (int i = start; i < text.Length; i++)
            {
                if (text[i] is < (byte)'0' or > (byte)'9')
                {
                    plain = false;
                    break;
                }
            }

            if (plain && (text.Length - start == 1 || text[start] != '0'))
            {
                long n = 0;
                for (int i = start; i < text.Length; i++)
                {
                    n = n * 10 + (text[i] - '0');
                }

                return start == 1 ? (n == 0 ? new JqNumber(-0.0) : new JqNumber(-n)) : JqNumber.Of(n);
            }
        }

        Span<char> chars = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i];
        }

        return JqNumber.FromLiteral(chars);
    }
}
