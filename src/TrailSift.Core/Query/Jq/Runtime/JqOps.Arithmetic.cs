using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>Arithmetic and comparison operators.</summary>
internal static partial class JqOps
{
    public static JqValue Binary(string op, JqValue a, JqValue b) => op switch
    {
        "+" => Add(a, b),
        "-" => Subtract(a, b),
        "*" => Multiply(a, b),
        "/" => Divide(a, b),
        "%" => Modulo(a, b),
        "==" => JqValue.FromBool(JqOrder.Compare(a, b) == 0),
        "!=" => JqValue.FromBool(JqOrder.Compare(a, b) != 0),
        "<" => JqValue.FromBool(JqOrder.Compare(a, b) < 0),
        "<=" => JqValue.FromBool(JqOrder.Compare(a, b) <= 0),
        ">" => JqValue.FromBool(JqOrder.Compare(a, b) > 0),
        ">=" => JqValue.FromBool(JqOrder.Compare(a, b) >= 0),
        _ => throw new InvalidOperationException(op),
    };

    public static JqValue Add(JqValue a, JqValue b)
    {
        if (a.Kind == JqKind.Null)
        {
            return b;
        }

        if (b.Kind == JqKind.Null)
        {
            return a;
        }

        switch (a)
        {
            case JqNumber x when b is JqNumber y:
                return JqNumber.Of(x.Value + y.Value);
            case JqString x when b is JqString y:
                return new JqString(x.Value + y.Value);
            case JqArray x when b is JqArray y:
                {
                    if (x.Count == 0)
                    {
                        return y;
                    }

                    if (y.Count == 0)
                    {
                        return x;
                    }

                    var items = new JqValue[x.Count + y.Count];
                    x.Items.CopyTo(items);
                    y.Items.CopyTo(items.AsSpan(x.Count));
                    return new JqArray(items);
                }

            case JqObject x when b is JqObject y:
                {
                    if (y.Count == 0)
                    {
                        return x;
                    }

                    var builder = new JqObjectBuilder(x);
                    for (int i = 0; i < y.Count; i++)
                    {
                        builder.Set(y.Keys[i], y.Values[i]);
                    }

                    return builder.ToObject();
                }
        }

        throw JqRuntimeException.BinaryError(a, b, "cannot be added");
    }

    public static JqValue Subtract(JqValue a, JqValue b)
    {
        if (a is JqNumber x && b is JqNumber y)
        {
            return JqNumber.Of(x.Value - y.Value);
        }

        if (a is JqArray xa && b is JqArray ya)
        {
            var res = new List<JqValue>(xa.Count);
            foreach (JqValue v in xa.Items)
            {
                bool found = false;
                foreach (JqValue w in ya.Items)
                {
                    if (v.Equals(w))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    res.Add(v);
                }
            }

            return new JqArray(res);
        }

        throw JqRuntimeException.BinaryError(a, b, "cannot be subtracted");
    }

    public static JqValue Multiply(JqValue a, JqValue b)
    {
        if (a is JqNumber x && b is JqNumber y)
        {
            return JqNumber.Of(x.Value * y.Value);
        }

        if ((a is JqString && b is JqNumber) || (a is JqNumber && b is JqString))
        {
            string s = a is JqString sa ? sa.Value : ((JqString)b).Value;
            double d = a is JqNumber na ? na.Value : ((JqNumber)b).Value;
            if (d < 0 || double.IsNaN(d))
            {
                return JqValue.Null;
            }

            // jq 1.7.1 repeats the string (int)d times: "ab" * 2.5 is "abab", "ab" * 0.5 is "". A count beyond the C int
            // range converts to INT_MIN there (x86 and wasm alike), so the loop does not run: "ab" * 1e10 is "".
            int n = d >= 2147483648.0 ? 0 : (int)d;
            if (n == 0)
            {
                return JqString.Empty;
            }

            if ((long)s.Length * n > 1L << 28)
            {
                throw new JqRuntimeException("Repeat string result too long");
            }

            if (s.Length == 0)
            {
                return JqString.Empty;
            }

            JqContext.Reserve((long)s.Length * n * sizeof(char));
            return new JqString(string.Concat(Enumerable.Repeat(s, n)));
        }

        if (a is JqObject oa && b is JqObject ob)
        {
            return DeepMerge(oa, ob);
        }

        throw JqRuntimeException.BinaryError(a, b, "cannot be multiplied");
    }

    private static JqObject DeepMerge(JqObject a, JqObject b)
    {
        var builder = new JqObjectBuilder(a);
        for (int i = 0; i < b.Count; i++)
        {
            string k = b.Keys[i];
            JqValue bv = b.Values[i];
            if (bv is JqObject bo && a.TryGetValue(k, out JqValue av) && av is JqObject ao)
            {
                builder.Set(k, DeepMerge(ao, bo));
            }
            else
            {
                builder.Set(k, bv);
            }
        }

        return builder.ToObject();
    }

    public static JqValue Divide(JqValue a, JqValue b)
    {
        if (a is JqNumber x && b is JqNumber y)
        {
            if (y.Value == 0)
            {
                throw JqRuntimeException.BinaryError(a, b, "cannot be divided because the divisor is zero");
            }

            return JqNumber.Of(x.Value / y.Value);
        }

        if (a is JqString s && b is JqString sep)
        {
            return Split(s.Value, sep.Value);
        }

        throw JqRuntimeException.BinaryError(a, b, "cannot be divided");
    }

    public static JqValue Split(string s, string sep)
    {
        if (s.Length == 0)
        {
            return JqArray.Empty;
        }

        var parts = new List<JqValue>();
        if (sep.Length == 0)
        {
            foreach (int cp in Codepoints(s))
            {
                parts.Add(new JqString(char.ConvertFromUtf32(cp)));
            }

            return new JqArray(parts);
        }

        int start = 0;
        while (true)
        {
            int i = s.IndexOf(sep, start, StringComparison.Ordinal);
            if (i < 0)
            {
                parts.Add(new JqString(s[start..]));
                break;
            }

            parts.Add(new JqString(s[start..i]));
            start = i + sep.Length;
        }

        return new JqArray(parts);
    }

    public static JqValue Modulo(JqValue a, JqValue b)
    {
        if (a is JqNumber x && b is JqNumber y)
        {
            if (double.IsNaN(x.Value) || double.IsNaN(y.Value))
            {
                return JqNumber.Of(double.NaN);
            }

            long bi = DtoI(y.Value);
            if (bi == 0)
            {
                throw JqRuntimeException.BinaryError(a, b, "cannot be divided (remainder) because the divisor is zero");
            }

            long ai = DtoI(x.Value);
            return JqNumber.Of(bi == -1 ? 0 : ai % bi);
        }

        throw JqRuntimeException.BinaryError(a, b, "cannot be divided (remainder)");
    }

    private static long DtoI(double d) => d >= 9.2e18 ? long.MaxValue : d <= -9.2e18 ? long.MinValue : (long)d;

    public static JqValue Negate(JqValue v) => v is JqNumber n
        ? JqNumber.Of(-n.Value)
        : throw JqRuntimeException.TypeError(v, "cannot be negated");

    public static bool Contains(JqValue a, JqValue b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        switch (a)
        {
            case JqObject oa:
                {
                    var ob = (JqObject)b;
                    for (int i = 0; i < ob.Count; i++)
                    {
                        if (!oa.TryGetValue(ob.Keys[i], out JqValue av) || !Contains(av, ob.Values[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            case JqArray aa:
                foreach (JqValue bv in ((JqArray)b).Items)
                {
                    bool any = false;
                    foreach (JqValue av in aa.Items)
                    {
                        if (av.Kind == bv.Kind && Contains(av, bv))
                        {
                            any = true;
                            break;
                        }
                    }

                    if (!any)
                    {
                        return false;
                    }
                }

                return true;
            case JqString sa:
                return sa.Value.Contains(((JqString)b).Value, StringComparison.Ordinal);
            default:
                return a.Equals(b);
        }
    }
}
