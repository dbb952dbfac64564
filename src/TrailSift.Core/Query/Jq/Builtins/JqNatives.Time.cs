using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Support;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>jq's date builtins bound to <see cref="JqTime"/> (glibc semantics).</summary>
internal static partial class JqNatives
{
    static partial void AddTime(Action<JqNative> add)
    {
        add(new ValueNative("gmtime", 0, (v, _) => v is JqNumber n
            ? Broken(Time(() => JqTime.GmTime(n.Value)))
            : throw new JqRuntimeException(JqTime.GmTimeRequiresNumber)));
        add(new ValueNative("localtime", 0, (v, _) => v is JqNumber n
            ? Broken(Time(() => JqTime.LocalTime(n.Value, TimeZoneInfo.Local)))
            : throw new JqRuntimeException(JqTime.LocalTimeRequiresNumber)));
        add(new ValueNative("mktime", 0, (v, _) => v is JqArray a
            ? JqNumber.Of(Time(() => JqTime.MkTime(ToBroken(a) ?? throw new JqRuntimeException(JqTime.MkTimeRequiresParsed))))
            : throw new JqRuntimeException(JqTime.MkTimeRequiresArray)));
        add(new ValueNative("strftime", 1, (v, a) => StrFTime(v, a[0], TimeZoneInfo.Utc, JqTime.StrFTimeRequiresParsed, JqTime.StrFTimeRequiresString)));
        add(new ValueNative("strflocaltime", 1, (v, a) =>
            StrFTime(v, a[0], TimeZoneInfo.Local, JqTime.StrFLocalTimeRequiresParsed, JqTime.StrFLocalTimeRequiresString)));
        add(new ValueNative("strptime", 1, (v, a) => v is JqString s && a[0] is JqString f
            ? Broken(Time(() => JqTime.StrPTime(s.Value, f.Value, TimeZoneInfo.Utc).Time))
            : throw new JqRuntimeException(JqTime.StrPTimeRequiresStrings)));
        add(new ValueNative("now", 0, (_, _) => JqNumber.Of(JqTime.Now(TimeProvider.System))));
    }

    private static T Time<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (JqTimeException e)
        {
            throw new JqRuntimeException(e.Message);
        }
    }

    private static JqValue StrFTime(JqValue v, JqValue format, TimeZoneInfo zone, string parsedError, string formatError)
    {
        if (v is JqNumber n)
        {
            v = Broken(Time(() => JqTime.GmTime(n.Value)));
        }

        if (v is not JqArray a || ToBroken(a) is not { } tm)
        {
            throw new JqRuntimeException(parsedError);
        }

        if (format is not JqString f)
        {
            throw new JqRuntimeException(formatError);
        }

        return new JqString(Time(() => JqTime.StrFTime(tm, f.Value, zone)));
    }

    private static JqBrokenDownTime? ToBroken(JqArray a) =>
        JqBrokenDownTime.FromArray(a.Items.ToArray().Select(x => x is JqNumber n ? n.Value : (double?)null).ToList());

    private static JqArray Broken(JqBrokenDownTime tm) => new(tm.ToArray().Select(d => (JqValue)JqNumber.Of(d)).ToArray());
}
