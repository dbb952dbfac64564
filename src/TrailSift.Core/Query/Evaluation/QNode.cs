namespace TrailSift.Core.Query.Evaluation;

/*! Query/Evaluation: the compiled form of a filter. Each AST node becomes a small node object that
    evaluates directly on record values (JsonNode views); nodes that always yield exactly one value
    ("single") are evaluated without any stream machinery, so paths, comparisons and the string
    builtins allocate nothing per event. Streams are continuation-passing: a node pushes each output
    into a Sink, and an error travels back up the call stack as the return value, the way jq 1.6
    unwinds its stack, so that a try (postfix '?') catches errors raised downstream of its outputs
    exactly as jq 1.6 does. Depends on Events and the BCL only. */

/// <summary>The outcome of testing a filter on one input: jq raised an error, or it did not and some output was (not) truthy.</summary>
internal enum Truth : byte
{
    False,
    True,
    Error,
}

/// <summary>Receives the outputs of a node; never receives an error value.</summary>
/// <remarks>Created per stream evaluation; not thread-safe.</remarks>
internal abstract class Sink
{
    /// <summary>Handles one output; returns <see cref="QNode.Ok"/>, or the error raised while handling it.</summary>
    public abstract Value Emit(in Value value);
}

/// <summary>A compiled filter node: jq's generator semantics, with errors as values.</summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
internal abstract class QNode
{
    /// <summary>The status of a stream that ended without error.</summary>
    public static readonly Value Ok = Value.Null;

    /// <summary>True when the node yields exactly one value (or one error) for every input.</summary>
    public abstract bool IsSingle { get; }

    /// <summary>The one output of a single node, or an error value.</summary>
    public virtual Value Eval(in Value input) => throw new InvalidOperationException($"{GetType().Name} is not single-valued.");

    /// <summary>Pushes every output into <paramref name="sink"/> in jq's order; returns <see cref="Ok"/> or the error that stopped it.</summary>
    public virtual Value Run(in Value input, Sink sink)
    {
        Value v = Eval(input);
        return v.IsError ? v : sink.Emit(v);
    }

    /// <summary>Evaluates every output: Error if jq would raise one, True if any output is truthy, else False.</summary>
    public virtual Truth Test(in Value input)
    {
        if (IsSingle)
        {
            Value v = Eval(input);
            return v.IsError ? Truth.Error : v.IsTruthy ? Truth.True : Truth.False;
        }

        var sink = new TestSink();
        return Run(input, sink).IsError ? Truth.Error : sink.Any ? Truth.True : Truth.False;
    }

    private sealed class TestSink : Sink
    {
        public bool Any { get; private set; }

        public override Value Emit(in Value value)
        {
            Any |= value.IsTruthy;
            return Ok;
        }
    }
}

/// <summary>A node that yields exactly one value per input.</summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
internal abstract class SingleNode : QNode
{
    public sealed override bool IsSingle => true;

    public abstract override Value Eval(in Value input);
}

/// <summary>Calls a delegate for each output (for nodes that combine streams).</summary>
/// <remarks>Created per stream evaluation; not thread-safe.</remarks>
internal sealed class ActionSink<TState>(TState state, ActionSink<TState>.Handler handler) : Sink
{
    public delegate Value Handler(TState state, in Value value);

    public override Value Emit(in Value value) => handler(state, value);
}
