using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>Inputs, stderr, debugging, halting, time.</summary>
internal static partial class JqNatives
{
    private static void AddIo(Action<JqNative> add)
    {
        add(new DelegateNative("input", 0, (cx, v, e, a, k) =>
            cx.Inputs is { } inputs && inputs.TryNext(out JqValue next) ? k(next) : throw new JqRuntimeException("break"))); // jq 1.6 and 1.7.1 both say "break" at the end
        add(new DelegateNative("inputs", 0, (cx, v, e, a, k) =>
        {
            while (cx.Inputs is { } inputs && inputs.TryNext(out JqValue next))
            {
                if (!k(next))
                {
                    return false;
                }
            }

            return true;
        }));
        add(new DelegateNative("debug", 0, (cx, v, e, a, k) =>
        {
            cx.Stderr?.Invoke("[\"DEBUG:\"," + JqJsonWriter.ToJson(v) + "]\n");
            return k(v);
        }));
        add(new DelegateNative("stderr", 0, (cx, v, e, a, k) =>
        {
            cx.Stderr?.Invoke(v is JqString s ? s.Value : JqJsonWriter.ToJson(v));
            return k(v);
        }));
        add(new DelegateNative("input_filename", 0, (cx, v, e, a, k) =>
            k(cx.Inputs?.CurrentFileName is { } f ? new JqString(f) : JqValue.Null)));
        add(new DelegateNative("_input_line_number", 0, (cx, v, e, a, k) => k(JqNumber.Of(cx.Inputs?.CurrentLine ?? 0))));
        add(new DelegateNative("now", 0, (cx, v, e, a, k) => k(JqNumber.Of(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0))));
        add(new DelegateNative("halt", 0, (cx, v, e, a, k) => throw new JqHaltException(0, null)));
        add(new DelegateNative("halt_error", 1, (cx, v, e, a, k) => a[0].Run(cx, v, e, code =>
        {
            if (code is not JqNumber n)
            {
                throw JqRuntimeException.TypeError(v, "halt_error/1: number required");
            }

            throw new JqHaltException((int)n.Value, v is JqString s ? s.Value : v.Kind == JqKind.Null ? null : JqJsonWriter.ToJson(v) + "\n");
        })));
    }
}
