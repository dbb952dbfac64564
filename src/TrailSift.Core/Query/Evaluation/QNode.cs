namespace TrailSift.Core.Query.Evaluation;

/*! Query/Evaluation: the compiled form of a filter. Each AST node becomes a small node object that
    evaluates directly on record values (JsonNode views); nodes that always yield exactly one value
    ("single") are evaluated without any stream machinery, so paths, comparisons and the string
    builtins allocate nothing per event. Depends on Events and the BCL only. */

/// <summary>The outcome of testing a filter on one input: jq raised an error, or it did not and some output was (not) truthy.</summary>
internal enum Truth : byte
{
    False,
    True,
    Error,
}

/// <summary>Receives the outputs of a node. <see cref="Emit"/> returns false once an error has been seen, to stop the stream.</summary>
/// <remarks>Created per stream evaluation; not thread-safe.</remarks>
internal abstract class Sink
{
    public abstract bool Emit(in Value value);
}

/// <summary>A compiled filter node: jq's generator semantics, with errors as values.</summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
internal abstract class QNode
{
    /// <summary>True when the node yields exactly one value (or one error) for every input.</summary>
    public abstract bool IsSingle { get; }

    /// <summary>The one output of a single node.</summary>
    public virtual Value Eval(in Value input) => throw new InvalidOperationException($"{GetType().Name} is not single-valued.");

    /// <summary>Emits every output in jq's order; an error is emitted last and then Run returns false.</summary>
    public virtual bool Run(in Value input, Sink sink)
    {
        Value v = Eval(input);
        return sink.Emit(v) && !v.IsError;
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
        Run(input, sink);
        return sink.Result;
    }

    private sealed class TestSink : Sink
    {
        private bool _any;
        private bool _error;

        public Truth Result => _error ? Truth.Error : _any ? Truth.True : Truth.False;

        public override bool Emit(in Value value)
        {
            if (value.IsError)
            {
                _error = true;
                return false;
            }

            _any |= value.IsTruthy;
            return true;
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
    public delegate bool Handler(TState state, in Value value);

    public override bool Emit(in Value value) => handler(state, value);
}
