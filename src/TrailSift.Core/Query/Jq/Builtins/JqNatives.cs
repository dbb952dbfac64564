using TrailSift.Core.Query.Jq.Input;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>The builtins implemented in C#, by <c>name/arity</c>.</summary>
internal static partial class JqNatives
{
    private static readonly Dictionary<string, JqNative> Table = Build();

    public static JqNative? Find(string name, int arity) => Table.GetValueOrDefault(name + "/" + arity);

    public static IEnumerable<string> Names => Table.Keys;

    private static Dictionary<string, JqNative> Build()
    {
        var t = new Dictionary<string, JqNative>(StringComparer.Ordinal);
        void Add(JqNative n) => t[n.Name + "/" + n.Arity] = n;
        void Value0(string name, Func<JqValue, JqValue> f) => Add(new ValueNative(name, 0, (v, _) => f(v)));
        void Value1(string name, Func<JqValue, JqValue, JqValue> f) => Add(new ValueNative(name, 1, (v, a) => f(v, a[0])));
        void Value2(string name, Func<JqValue, JqValue, JqValue, JqValue> f) => Add(new ValueNative(name, 2, (v, a) => f(v, a[0], a[1])));
        void Raw(string name, int arity, Func<JqContext, JqValue, JqEnv?, JqNode[], JqEmit, bool> f,
            Func<JqContext, JqValue, JqPath?, JqEnv?, JqNode[], JqEmitPath, bool>? path = null) => Add(new DelegateNative(name, arity, f, path));

        Raw("empty", 0, (cx, v, e, a, k) => true, (cx, v, p, e, a, k) => true);
        Value0("not", v => JqValue.FromBool(!v.IsTruthy));
        Raw("error", 0, (cx, v, e, a, k) => throw new JqRuntimeException(v));
        Value0("length", JqOps.Length);
        Value0("utf8bytelength", v => v is JqString s
            ? JqNumber.Of(System.Text.Encoding.UTF8.GetByteCount(s.Value))
            : throw JqRuntimeException.TypeError(v, "only strings have UTF-8 byte length"));
        Value0("keys", v => JqOps.Keys(v, true));
        Value0("keys_unsorted", v => JqOps.Keys(v, false));
        Value1("has", (v, k) => JqValue.FromBool(JqOps.Has(v, k)));
        Value1("contains", (v, b) => v.Kind == b.Kind
            ? JqValue.FromBool(JqOps.Contains(v, b))
            : throw JqRuntimeException.BinaryError(v, b, "cannot have their containment checked"));
        Value0("add", AddValues);
        Value0("type", v => new JqString(v.TypeName));
        Value0("tostring", v => v is JqString ? v : new JqString(JqJsonWriter.ToJson(v)));
        Value0("tojson", v => new JqString(JqJsonWriter.ToJson(v)));
        Value0("fromjson", FromJson);
        Value0("tonumber", ToNumber);
        Value0("infinite", _ => JqNumber.Of(double.PositiveInfinity));
        Value0("nan", _ => JqNumber.Of(double.NaN));
        Value0("isinfinite", v => JqValue.FromBool(v is JqNumber n && double.IsInfinity(n.Value)));
        Value0("isnan", v => JqValue.FromBool(v is JqNumber n && double.IsNaN(n.Value)));
        Value0("isnormal", v => JqValue.FromBool(v is JqNumber n && double.IsNormal(n.Value)));
        Add(new DelegateNative("getpath", 1,
            (cx, v, e, a, k) => a[0].Run(cx, v, e, p => k(JqOps.GetPath(v, p))),
            (cx, v, path, e, a, k) => a[0].Run(cx, v, e, p =>
            {
                if (p is not JqArray pa)
                {
                    throw new JqRuntimeException("Path must be specified as an array");
                }

                // jq's _jq_path_append: getpath's own error first, then the input must be the value at the path.
                JqValue r = JqOps.GetPath(v, p);
                if (!JqPath.Resolve(v, path, out JqPath? real))
                {
                    throw JqRuntimeException.InvalidPathResult(v);
                }

                return k(r, JqPath.FromArray(pa, real));
            })));
        Value2("setpath", JqOps.SetPath);
        Value1("delpaths", JqOps.DelPaths);
        Raw("path", 1, (cx, v, e, a, k) => a[0].RunPath(cx, v, null, e, (x, p) =>
            k(JqPath.ToArray(JqPath.End(x, p)))));
        Raw("_limit", 2, Limit, LimitPath);
        Raw("last", 1, (cx, v, e, a, k) =>
        {
            JqValue? last = null;
            bool ok = a[0].Run(cx, v, e, x =>
            {
                last = x;
                return true;
            });
            return ok && k(last ?? JqValue.Null);
        });
        Raw("range", 2, (cx, v, e, a, k) => a[0].Run(cx, v, e, from => a[1].Run(cx, v, e, upto => Range(cx, Num(from, "Range bounds must be numeric"), Num(upto, "Range bounds must be numeric"), 1, k))));
        Value0("builtins", _ => BuiltinList.Value);
        AddMath(Add);
        AddCollections(Add);
        AddStrings(Add);
        AddIo(Add);
        AddRegex(Add);
        AddTime(Add);
        return t;
    }

    /// <summary>Binds the regex builtins (Core/Query/Jq/Support).</summary>
    static partial void AddRegex(Action<JqNative> add);

    /// <summary>Binds the date builtins (Core/Query/Jq/Support).</summary>
    static partial void AddTime(Action<JqNative> add);

    private static readonly Lazy<JqArray> BuiltinList = new(() =>
    {
        string[] names = JqBuiltinNames.Jq171.Split(' ');
        return new JqArray(names.Select(n => (JqValue)new JqString(n)).ToArray());
    });

    internal static double Num(JqValue v) => v is JqNumber n ? n.Value : throw JqRuntimeException.TypeError(v, "number required");

    private static double Num(JqValue v, string message) => v is JqNumber n ? n.Value : throw new JqRuntimeException(message);

    private static bool Range(JqContext cx, double from, double upto, double by, JqEmit k)
    {
        if (by > 0)
        {
            for (double x = from; x < upto; x += by)
            {
                cx.Step();
                if (!k(JqNumber.Of(x)))
                {
                    return false;
                }
            }
        }
        else if (by < 0)
        {
            for (double x = from; x > upto; x += by)
            {
                cx.Step();
                if (!k(JqNumber.Of(x)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Limit(JqContext cx, JqValue v, JqEnv? e, JqNode[] a, JqEmit k) => a[0].Run(cx, v, e, nv =>
    {
        double n = Num(nv);
        return n <= 0 ? n == 0 || a[1].Run(cx, v, e, k) : Counted(cx, n, tick => a[1].Run(cx, v, e, x => k(x) && tick()));
    });

    private static bool LimitPath(JqContext cx, JqValue v, JqPath? p, JqEnv? e, JqNode[] a, JqEmitPath k) => a[0].Run(cx, v, e, nv =>
    {
        double n = Num(nv);
        return n <= 0
            ? n == 0 || a[1].RunPath(cx, v, p, e, k)
            : Counted(cx, n, tick => a[1].RunPath(cx, v, p, e, (x, xp) => k(x, xp) && tick()));
    });

    /// <summary>Runs a generator that calls <c>tick</c> after each output, stopping it after <paramref name="n"/> outputs.</summary>
    private static bool Counted(JqContext cx, double n, Func<Func<bool>, bool> run)
    {
        int count = 0;
        object token = new();
        bool ok = run(() =>
        {
            if (++count >= n)
            {
                cx.PendingBreak = token;
                return false;
            }

            return true;
        });
        if (!ok && ReferenceEquals(cx.PendingBreak, token))
        {
            cx.PendingBreak = null;
            return true;
        }

        return ok;
    }

    private static JqValue AddValues(JqValue v)
    {
        switch (v)
        {
            case JqArray a:
                {
                    JqValue acc = JqValue.Null;
                    foreach (JqValue x in a.Items)
                    {
                        acc = JqOps.Add(acc, x);
                    }

                    return acc;
                }

            case JqObject o:
                {
                    JqValue acc = JqValue.Null;
                    foreach (JqValue x in o.Values)
                    {
                        acc = JqOps.Add(acc, x);
                    }

                    return acc;
                }

            default:
                return JqOps.Iterate(v, _ => true) ? JqValue.Null : JqValue.Null;
        }
    }

    private static JqValue FromJson(JqValue v)
    {
        if (v is not JqString s)
        {
            throw JqRuntimeException.TypeError(v, "only strings can be parsed");
        }

        return JqTextParser.ParseText(s.Value, out string? error) ?? throw new JqRuntimeException(error!);
    }

    // jq 1.7.1 parses the string as JSON text (read as a C string, to its first NUL): a number is the result, a parse
    // error is the error, any other value a type error.
    private static JqValue ToNumber(JqValue v)
    {
        if (v is JqNumber)
        {
            return v;
        }

        if (v is not JqString s)
        {
            throw JqRuntimeException.TypeError(v, "cannot be parsed as a number");
        }

        int nul = s.Value.IndexOf('\0', StringComparison.Ordinal);
        JqValue? parsed = JqTextParser.ParseText(nul >= 0 ? s.Value[..nul] : s.Value, out string? error);
        return parsed switch
        {
            null => throw new JqRuntimeException(error!),
            // A new number, as jq's jv_number_with_literal allocates one (path expressions compare numbers by identity).
            JqNumber n => new JqNumber(n.Value, n.Literal),
            _ => throw JqRuntimeException.TypeError(v, "cannot be parsed as a number"),
        };
    }
}
