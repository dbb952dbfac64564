using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Evaluation;

/// <summary><c>{k: v, ...}</c>: one object per combination of key and value outputs.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class ObjectNode((QNode Key, QNode Value)[] entries) : QNode
{
    private static readonly ObjectPayload Empty = new();

    public override bool IsSingle
    {
        get
        {
            foreach ((QNode k, QNode v) in entries)
            {
                if (!k.IsSingle || !v.IsSingle)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public override Value Eval(in Value input)
    {
        ObjectPayload o = Empty;
        foreach ((QNode k, QNode v) in entries)
        {
            Value key = k.Eval(input);
            if (key.IsError)
            {
                return key;
            }

            Value value = v.Eval(input);
            if (value.IsError)
            {
                return value;
            }

            if (key.Kind != JsonKind.String)
            {
                return Value.Error($"Object keys must be strings");
            }

            using Utf8Text name = Utf8Text.Of(key);
            o = o.With(name.Span.ToArray(), value);
        }

        return Value.Object(o);
    }

    public override Value Run(in Value input, Sink sink) => IsSingle ? base.Run(input, sink) : Build(0, Empty, input, sink);

    private Value Build(int i, ObjectPayload partial, Value input, Sink sink)
    {
        if (i == entries.Length)
        {
            return sink.Emit(Value.Object(partial));
        }

        (QNode k, QNode v) = entries[i];
        var keys = new List<Value>();
        Value e = Streams.Collect(k, input, keys);
        if (e.IsError)
        {
            return e;
        }

        var values = new List<Value>();
        e = Streams.Collect(v, input, values);
        if (e.IsError)
        {
            return e;
        }

        foreach (Value key in keys)
        {
            if (key.Kind != JsonKind.String)
            {
                return Value.Error("Object keys must be strings");
            }

            using Utf8Text name = Utf8Text.Of(key);
            byte[] bytes = name.Span.ToArray();
            foreach (Value value in values)
            {
                e = Build(i + 1, partial.With(bytes, value), input, sink);
                if (e.IsError)
                {
                    return e;
                }
            }
        }

        return Ok;
    }
}
