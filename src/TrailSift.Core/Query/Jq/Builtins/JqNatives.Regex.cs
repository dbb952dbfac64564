using System.Text.RegularExpressions;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Support;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Builtins;

/// <summary>jq's <c>_match_impl</c>, on which test/match/capture/scan/split/splits/sub/gsub are defined, bound to the Oniguruma translation.</summary>
internal static partial class JqNatives
{
    static partial void AddRegex(Action<JqNative> add) =>
        add(new ValueNative("_match_impl", 3, (v, a) => MatchImpl(v, a[0], a[1], a[2].IsTruthy)));

    private static JqValue MatchImpl(JqValue input, JqValue re, JqValue flags, bool test)
    {
        if (input is not JqString s)
        {
            throw JqRuntimeException.TypeError(input, "cannot be matched, as it is not a string");
        }

        if (re is not JqString pattern)
        {
            throw JqRuntimeException.TypeError(re, "is not a string");
        }

        if (flags is not (JqString or { Kind: JqKind.Null }))
        {
            throw JqRuntimeException.TypeError(flags, "is not a string");
        }

        OnigurumaRegexResult compiled = OnigurumaRegex.Compile(pattern.Value, (flags as JqString)?.Value);
        if (!compiled.IsCompiled)
        {
            throw new JqRuntimeException(compiled.Status == OnigurumaRegexStatus.Unsupported
                ? "unsupported regex (refused, TrailSift cannot reproduce it exactly): " + compiled.Error
                : compiled.Error ?? "Regex failure");
        }

        try
        {
            if (test)
            {
                return JqValue.FromBool(OnigurumaRegex.Test(compiled, s.Value));
            }

            IReadOnlyList<JqRegexMatch> matches = OnigurumaRegex.Match(compiled, s.Value);
            var items = new JqValue[matches.Count];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = MatchObject(matches[i]);
            }

            return new JqArray(items);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw RegexTimeouts.TimedOut(compiled.Regex!, e);
        }
        catch (NotSupportedException e)
        {
            throw new JqRuntimeException("unsupported regex match (refused): " + e.Message);
        }
    }

    private static JqObject MatchObject(JqRegexMatch m)
    {
        var b = new JqObjectBuilder(4);
        b.Set("offset", JqNumber.Of(m.Offset));
        b.Set("length", JqNumber.Of(m.Length));
        b.Set("string", new JqString(m.Value));
        var caps = new JqValue[m.Captures.Count];
        for (int i = 0; i < caps.Length; i++)
        {
            JqRegexCapture c = m.Captures[i];
            var cb = new JqObjectBuilder(4);
            cb.Set("offset", JqNumber.Of(c.Offset));
            JqValue str = c.Value is null ? JqValue.Null : new JqString(c.Value);
            if (c.StringBeforeLength)
            {
                cb.Set("string", str);
                cb.Set("length", JqNumber.Of(c.Length));
            }
            else
            {
                cb.Set("length", JqNumber.Of(c.Length));
                cb.Set("string", str);
            }

            cb.Set("name", c.Name is null ? JqValue.Null : new JqString(c.Name));
            caps[i] = cb.ToObject();
        }

        b.Set("captures", new JqArray(caps));
        return b.ToObject();
    }
}
