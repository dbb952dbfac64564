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
                        string key = reader.GetString()!;
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
                return new JqString(reader.GetString()!);
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
