using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>A compiled destructuring pattern: fills variable slots from a value.</summary>
internal abstract class JqMatcher
{
    /// <summary>Binds slots of <paramref name="slots"/> from <paramref name="value"/>; calls <paramref name="k"/> per binding.</summary>
    public abstract bool Match(JqContext cx, JqValue value, JqEnv? env, JqValue[] slots, Func<bool> k);
}

internal sealed class VarMatcher(int slot) : JqMatcher
{
    public override bool Match(JqContext cx, JqValue value, JqEnv? env, JqValue[] slots, Func<bool> k)
    {
        slots[slot] = value;
        return k();
    }
}

internal sealed class ArrayMatcher(JqMatcher[] elements) : JqMatcher
{
    public override bool Match(JqContext cx, JqValue value, JqEnv? env, JqValue[] slots, Func<bool> k) => Step(cx, value, env, slots, k, 0);

    private bool Step(JqContext cx, JqValue value, JqEnv? env, JqValue[] slots, Func<bool> k, int i)
    {
        if (i == elements.Length)
        {
            return k();
        }

        if (value.Kind is not (JqKind.Array or JqKind.Null))
        {
            throw new JqRuntimeException($"Cannot index {value.TypeName} with number");
        }

        JqValue item = JqOps.Index(value, JqNumber.Of(i));
        return elements[i].Match(cx, item, env, slots, () => Step(cx, value, env, slots, k, i + 1));
    }
}

/// <summary>One entry: a key (constant or expression), an optional <c>$name</c> slot, an optional sub-pattern.</summary>
internal sealed record ObjectMatcherEntry(JqNode Key, int KeyVarSlot, JqMatcher? Value);

internal sealed class ObjectMatcher(ObjectMatcherEntry[] entries) : JqMatcher
{
    public override bool Match(JqContext cx, JqValue value, JqEnv? env, JqValue[] slots, Func<bool> k) => Step(cx, value, env, slots, k, 0);

    private bool Step(JqContext cx, JqValue value, JqEnv? env, JqValue[] slots, Func<bool> k, int i)
    {
        if (i == entries.Length)
        {
            return k();
        }

        ObjectMatcherEntry e = entries[i];
        return e.Key.Run(cx, value, env, key =>
        {
            if (key is not JqString)
            {
                throw new JqRuntimeException($"Cannot index {value.TypeName} with {key.TypeName}");
            }

            JqValue item = JqOps.Index(value, key);
            if (e.KeyVarSlot >= 0)
            {
                slots[e.KeyVarSlot] = item;
            }

            return e.Value is null
                ? Step(cx, value, env, slots, k, i + 1)
                : e.Value.Match(cx, item, env, slots, () => Step(cx, value, env, slots, k, i + 1));
        });
    }
}
