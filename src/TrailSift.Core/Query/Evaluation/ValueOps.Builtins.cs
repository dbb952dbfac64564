using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Query.Jq.Support;

namespace TrailSift.Core.Query.Evaluation;

/// <summary>The builtin functions, each as jq 1.6 defines it (errors included).</summary>
internal static partial class ValueOps
{
    private static readonly Value TypeNull = Value.String("null");
    private static readonly Value TypeBoolean = Value.String("boolean");
    private static readonly Value TypeNumber = Value.String("number");
    private static readonly Value TypeString = Value.String("string");
    private static readonly Value TypeArray = Value.String("array");
    private static readonly Value TypeObject = Value.String("object");

    public static Value Length(in Value v) => v.Kind switch
    {
        JsonKind.Null => Value.Number(0),
        JsonKind.Number => Value.Number(Math.Abs(v.AsNumber)),
        JsonKind.String => Value.Number(CodePoints(v)),
        JsonKind.Array or JsonKind.Object => Value.Number(v.Count),
        _ => Value.Error("boolean has no length"),
    };

    private static int CodePoints(in Value v)
    {
        using Utf8Text s = Utf8Text.Of(v);
        int n = 0;
        foreach (byte b in s.Span)
        {
            if ((b & 0xC0) != 0x80)
            {
                n++;
            }
        }

        return n;
    }

    public static Value TypeOf(in Value v) => v.Kind switch
    {
        JsonKind.Null => TypeNull,
        JsonKind.False or JsonKind.True => TypeBoolean,
        JsonKind.Number => TypeNumber,
        JsonKind.String => TypeString,
        JsonKind.Array => TypeArray,
        _ => TypeObject,
    };

    public static Value Not(in Value v) => Value.Bool(!v.IsTruthy);

    public static Value Negate(in Value v) => v.Kind == JsonKind.Number
        ? Value.Number(-v.AsNumber)
        : Value.Error($"{v.TypeName} cannot be negated");

    /// <summary><c>has(k)</c>: string keys on objects, number keys on arrays; null has nothing.</summary>
    public static Value Has(in Value t, in Value k)
    {
        if (t.Kind == JsonKind.Object && k.Kind == JsonKind.String)
        {
            using Utf8Text name = Utf8Text.Of(k);
            return Value.Bool(t.HasProperty(name.Span));
        }

        if (t.Kind == JsonKind.Array && k.Kind == JsonKind.Number)
        {
            int i = (int)k.AsNumber; // jq truncates the key to an int
            return Value.Bool(i >= 0 && i < t.Count);
        }

        if (t.Kind == JsonKind.Null)
        {
            return Value.False;
        }

        return Value.Error($"Cannot check whether {t.TypeName} has a {k.TypeName} key");
    }

    public static Value AsciiCase(in Value v, bool upper)
    {
        if (v.Kind != JsonKind.String)
        {
            return Value.Error("explode input must be a string");
        }

        using Utf8Text s = Utf8Text.Of(v);
        byte[] result = s.Span.ToArray();
        for (int i = 0; i < result.Length; i++)
        {
            byte b = result[i];
            if (upper ? b is >= (byte)'a' and <= (byte)'z' : b is >= (byte)'A' and <= (byte)'Z')
            {
                result[i] = (byte)(b ^ 0x20);
            }
        }

        return Value.String(result);
    }

    public static Value StartsWith(in Value v, in Value prefix, bool end)
    {
        if (v.Kind != JsonKind.String || prefix.Kind != JsonKind.String)
        {
            return Value.Error(end ? "endswith() requires string inputs" : "startswith() requires string inputs");
        }

        using Utf8Text s = Utf8Text.Of(v);
        using Utf8Text p = Utf8Text.Of(prefix);
        return Value.Bool(end ? s.Span.EndsWith(p.Span) : s.Span.StartsWith(p.Span));
    }

    /// <summary><c>ltrimstr</c>/<c>rtrimstr</c>: the input unchanged unless both are strings and it matches.</summary>
    public static Value TrimString(in Value v, in Value affix, bool end)
    {
        if (v.Kind != JsonKind.String || affix.Kind != JsonKind.String)
        {
            return v;
        }

        using Utf8Text s = Utf8Text.Of(v);
        using Utf8Text a = Utf8Text.Of(affix);
        if (end ? !s.Span.EndsWith(a.Span) : !s.Span.StartsWith(a.Span))
        {
            return v;
        }

        return Value.String(end ? s.Span[..^a.Span.Length].ToArray() : s.Span[a.Span.Length..].ToArray());
    }

    /// <summary><c>any</c>/<c>all</c> without arguments: over an array's elements or an object's values.</summary>
    public static Value AnyAll(in Value v, bool all)
    {
        if (v.Kind is not (JsonKind.Array or JsonKind.Object))
        {
            return Value.Error($"Cannot iterate over {v.TypeName}");
        }

        foreach (Value item in new Children(v))
        {
            if (item.IsTruthy != all)
            {
                return Value.Bool(!all);
            }
        }

        return Value.Bool(all);
    }

    /// <summary>Applies <c>test(re; flags)</c> with a compiled regex to a string value.</summary>
    public static Value Test(in Value v, Regex regex, bool nonEmpty)
    {
        if (v.Kind != JsonKind.String)
        {
            return Value.Error($"{v.TypeName} cannot be matched, as it is not a string");
        }

        using Utf8Text s = Utf8Text.Of(v);
        int max = Encoding.UTF8.GetMaxCharCount(s.Span.Length);
        char[]? rented = null;
        Span<char> chars = max <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(max));
        try
        {
            int n = Encoding.UTF8.GetChars(s.Span, chars);
            ReadOnlySpan<char> input = chars[..n];
            Regex current = RegexTimeouts.Current(regex);
            if (!nonEmpty)
            {
                return Value.Bool(current.IsMatch(input));
            }

            foreach (ValueMatch m in current.EnumerateMatches(input))
            {
                if (m.Length > 0)
                {
                    return Value.True;
                }
            }

            return Value.False;
        }
        catch (RegexMatchTimeoutException e)
        {
            throw RegexTimeouts.TimedOut(regex, e);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
