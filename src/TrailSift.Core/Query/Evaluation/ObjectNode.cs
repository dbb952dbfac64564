using TrailSift.Core.Events;

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

    public override bool Run(in Value input, Sink sink) => IsSingle ? base.Run(input, sink) : Build(0, Empty, input, sink);

    private bool Build(int i, ObjectPayload partial, Value input, Sink sink)
    {
        if (i == entries.Length)
        {
            return sink.Emit(Value.Object(partial));
        }

        (QNode k, QNode v) = entries[i];
        var keys = new List<Value>();
        if (!Collect(k, input, keys, sink))
        {
            return false;
        }

        var values = new List<Value>();
        if (!Collect(v, input, values, sink))
        {
            return false;
        }

        foreach (Value key in keys)
        {
            if (key.Kind != JsonKind.String)
            {
                sink.Emit(Value.Error("Object keys must be strings"));
                return false;
            }

            using Utf8Text name = Utf8Text.Of(key);
            byte[] bytes = name.Span.ToArray();
            foreach (Value value in values)
            {
                if (!Build(i + 1, partial.With(bytes, value), input, sink))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Collect(QNode node, in Value input, List<Value> into, Sink sink)
    {
        Value error = Streams.Collect(node, input, into);
        if (error.IsError)
        {
            sink.Emit(error);
            return false;
        }

        return true;
    }
}
