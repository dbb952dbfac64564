namespace TrailSift.Core.Query.Evaluation;

/// <summary>
/// Helpers over node output streams: the product of two streams in jq's operand order (for each outer
/// output, each inner output), mapping, and collecting.
/// </summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static class Streams
{
    public delegate Value Combine<TArg>(TArg arg, in Value inner, in Value outer);

    public static bool Run<TArg>(QNode outer, QNode inner, in Value input, Sink sink, TArg arg, Combine<TArg> combine)
    {
        var state = new State<TArg>(inner, input, sink, arg, combine);
        return outer.Run(input, new ActionSink<State<TArg>>(state, static (s, in o) =>
        {
            if (o.IsError)
            {
                s.Sink.Emit(o);
                return false;
            }

            s.Outer = o;
            return s.Inner.Run(s.Input, new ActionSink<State<TArg>>(s, static (s2, in i) =>
            {
                Value r = i.IsError ? i : s2.Combine(s2.Arg, i, s2.Outer);
                return s2.Sink.Emit(r) && !r.IsError;
            }));
        }));
    }

    /// <summary>Maps each output of <paramref name="source"/> through <paramref name="map"/> (errors pass through).</summary>
    public static bool Map<TArg>(QNode source, in Value input, Sink sink, TArg arg, Combine<TArg> map)
    {
        var state = new State<TArg>(source, input, sink, arg, map);
        return source.Run(input, new ActionSink<State<TArg>>(state, static (s, in v) =>
        {
            Value r = v.IsError ? v : s.Combine(s.Arg, v, s.Input);
            return s.Sink.Emit(r) && !r.IsError;
        }));
    }

    /// <summary>Adds every output of <paramref name="node"/> to <paramref name="into"/>; returns the error that stopped it, or a non-error value.</summary>
    public static Value Collect(QNode node, in Value input, List<Value> into)
    {
        var collector = new Collector(into);
        node.Run(input, collector);
        return collector.Error;
    }

    private sealed class Collector(List<Value> into) : Sink
    {
        public Value Error { get; private set; } = Value.Null;

        public override bool Emit(in Value value)
        {
            if (value.IsError)
            {
                Error = value;
                return false;
            }

            into.Add(value);
            return true;
        }
    }

    private sealed class State<TArg>(QNode inner, Value input, Sink sink, TArg arg, Combine<TArg> combine)
    {
        public QNode Inner { get; } = inner;

        public Value Input { get; } = input;

        public Sink Sink { get; } = sink;

        public TArg Arg { get; } = arg;

        public Combine<TArg> Combine { get; } = combine;

        public Value Outer { get; set; }
    }
}
