using System.Text;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>One object-construction entry; a null <see cref="Value"/> means <c>{key}</c> shorthand (<c>.[key]</c>).</summary>
internal sealed record ObjectEntryNode(JqNode Key, JqNode? Value);

/// <summary><c>{k: v, ...}</c>: the first entry is the outermost loop, keys outside values; runs of single-valued entries are evaluated in a loop.</summary>
internal sealed class ObjectNode : JqNode
{
    private readonly ObjectEntryNode[] _entries;
    private readonly bool _allSingular;

    public ObjectNode(ObjectEntryNode[] entries)
    {
        _entries = entries;
        _allSingular = entries.All(IsSingularEntry);
    }

    public override bool IsSingular => _allSingular;

    private static bool IsSingularEntry(ObjectEntryNode e) => e.Key.IsSingular && (e.Value is null || e.Value.IsSingular);

    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        var keys = new string[_entries.Length];
        var values = new JqValue[_entries.Length];
        return Step(cx, input, env, keys, values, 0, k);
    }

    private bool Step(JqContext cx, JqValue input, JqEnv? env, string[] keys, JqValue[] values, int i, JqEmit k)
    {
        while (i < _entries.Length && IsSingularEntry(_entries[i]))
        {
            ObjectEntryNode e = _entries[i];
            JqValue key = e.Key.RunOne(cx, input, env);
            keys[i] = KeyString(key);
            values[i] = e.Value is null ? JqOps.Index(input, key) : e.Value.RunOne(cx, input, env);
            if (cx.PendingBreak is not null)
            {
                return false;
            }

            i++;
        }

        if (i == _entries.Length)
        {
            cx.Step();
            var b = new JqObjectBuilder(keys.Length);
            for (int j = 0; j < keys.Length; j++)
            {
                b.Set(keys[j], values[j]);
            }

            return k(b.ToObject());
        }

        ObjectEntryNode entry = _entries[i];
        return entry.Key.Run(cx, input, env, key =>
        {
            keys[i] = KeyString(key);
            if (entry.Value is null)
            {
                values[i] = JqOps.Index(input, key);
                return Step(cx, input, env, keys, values, i + 1, k);
            }

            return entry.Value.Run(cx, input, env, v =>
            {
                keys[i] = KeyString(key);
                values[i] = v;
                return Step(cx, input, env, keys, values, i + 1, k);
            });
        });
    }

    private static string KeyString(JqValue key) => key is JqString s
        ? s.Value
        : throw new JqRuntimeException($"Cannot use {key.TypeName} ({JqRuntimeException.Trunc(key)}) as object key");
}

/// <summary>A string with interpolations under a format; the last interpolation is the outermost loop.</summary>
internal sealed class StringNode(string format, object[] parts) : JqNode
{
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k)
    {
        cx.Step();
        var values = new string[parts.Length];
        return Step(cx, input, env, values, parts.Length - 1, k);
    }

    private bool Step(JqContext cx, JqValue input, JqEnv? env, string[] values, int i, JqEmit k)
    {
        while (i >= 0 && parts[i] is string s)
        {
            values[i] = s;
            i--;
        }

        if (i < 0)
        {
            return k(new JqString(string.Concat(values)));
        }

        return ((JqNode)parts[i]).Run(cx, input, env, v =>
        {
            values[i] = JqFormats.Apply(format, v);
            return Step(cx, input, env, values, i - 1, k);
        });
    }
}

internal sealed class FormatNode(string format) : JqNode
{
    public override bool IsSingular => true;

    // jq's @text is tostring: a string input is returned itself (so `path(@text)` on a string is [] as in jq).
    public override bool Run(JqContext cx, JqValue input, JqEnv? env, JqEmit k) =>
        k(format == "text" && input is JqString ? input : new JqString(JqFormats.Apply(format, input)));
}
