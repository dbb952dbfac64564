namespace TrailSift.Core.Query.Evaluation;

/// <summary>
/// Helpers over node output streams: the product of two streams in jq's operand order (for each outer
/// output, each inner output), mapping, and collecting.
/// </summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static class Streams
{
    public delegate Value Combine<TArg>(TArg arg, in Value inner, in Value outer);

    public static Value Run<TArg>(QNode outer, QNode inner, in Value input, Sink sink, TArg arg, Combine<TArg> combine)
    {
        var state = new State<TArg>(inner, input, sink, arg, combine);
        return outer.Run(input, new ActionSink<State<TArg>>(state, static (s, in o) =>
        {
            s.Outer = o;
            return s.Inner.Run(s.Input, new ActionSink<State<TArg>>(s, static (s2, in i) =>
            {
                Value r = s2.Combine(s2.Arg, i, s2.Outer);
                return r.IsError ? r : s2.Sink.Emit(r);
            }));
        }));
    }

    /// <summary>Maps each output of <paramref name="source"/> through <paramref name="map"/>.</summary>
    public static Value Map<TArg>(QNode source, in Value input, Sink sink, TArg arg, Combine<TArg> map)
    {
        var state = new State<TArg>(source, input, sink, arg, map);
        return source.Run(input, new ActionSink<State<TArg>>(state, static (s, in v) =>
        {
            Value r = s.Combine(s.Arg, v, s.Input);
            return r.IsError ? r : s.Sink.Emit(r);
        }));
    }

    /// <summary>Adds every output of <paramref name="node"/> to <paramref name="into"/>; returns the error that stopped it, or <see cref="QNode.Ok"/>.</summary>
    public static Value Collect(QNode node, in Value input, List<Value> into) => node.Run(input, new Collector(into));

    private sealed class Collector(List<Value> into) : Sink
    {
        public override Value Emit(in Value value)
        {
            into.Add(value);
            return QNode.Ok;
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
