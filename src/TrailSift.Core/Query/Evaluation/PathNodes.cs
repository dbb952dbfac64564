using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Evaluation;

/// <summary><c>.</c></summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal sealed class IdentityNode : SingleNode
{
    public static readonly IdentityNode Instance = new();

    public override Value Eval(in Value input) => input;
}

/// <summary>One step of a <see cref="PathNode"/>: a property name or a constant index.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal readonly record struct PathStep(byte[]? Name, Value Key)
{
    public Value Apply(in Value current)
    {
        if (Name is null)
        {
            return ValueOps.Index(current, Key);
        }

        return current.Kind switch
        {
            JsonKind.Object => current.Property(Name),
            JsonKind.Null => Value.Null,
            _ => Value.Error($"Cannot index {current.TypeName} with string"),
        };
    }
}

/// <summary>
/// A chain of <c>.name</c> and constant <c>[k]</c> steps from the input, such as
/// <c>.requestParameters.queueName</c>: evaluated in place on the record, with the record's cached
/// hot fields (eventName, errorCode, ...) used for a first step taken from the record root.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class PathNode : SingleNode
{
    private static readonly string[] HotNames =
        ["eventName", "eventSource", "errorCode", "errorMessage", "awsRegion", "recipientAccountId", "userIdentity", "userAgent"];

    private readonly PathStep[] _steps;
    private readonly int _hot;

    public PathNode(PathStep[] steps, string? firstName)
    {
        _steps = steps;
        _hot = firstName is null ? -1 : Array.IndexOf(HotNames, firstName);
    }

    public override Value Eval(in Value input)
    {
        Value current = input;
        int i = 0;
        if (_hot >= 0 && input.IsNode && input.Kind == JsonKind.Object && input.Node.TokenIndex == 0 && input.Node.Record is EventRecord record)
        {
            current = Value.FromNode(Hot(record, _hot));
            i = 1;
        }

        for (; i < _steps.Length; i++)
        {
            current = _steps[i].Apply(current);
            if (current.IsError)
            {
                return current;
            }
        }

        return current;
    }

    private static JsonNode Hot(EventRecord r, int field) => field switch
    {
        0 => r.EventName,
        1 => r.EventSource,
        2 => r.ErrorCode,
        3 => r.ErrorMessage,
        4 => r.AwsRegion,
        5 => r.RecipientAccountId,
        6 => r.UserIdentity,
        _ => r.UserAgent,
    };
}

/// <summary>
/// <c>t[k]</c> with a computed key (as in jq the key is evaluated against the input, in the outer
/// loop), or an optional step <c>t.k?</c>/<c>t[k]?</c> that skips values it cannot index.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class IndexNode(QNode target, QNode key, bool optional) : QNode
{
    public override bool IsSingle => !optional && target.IsSingle && key.IsSingle;

    public override Value Eval(in Value input)
    {
        Value k = key.Eval(input);
        if (k.IsError)
        {
            return k;
        }

        Value t = target.Eval(input);
        return t.IsError ? t : ValueOps.Index(t, k);
    }

    public override Value Run(in Value input, Sink sink)
    {
        if (IsSingle)
        {
            return base.Run(input, sink);
        }

        var state = new State(target, input, sink, optional);
        return key.Run(input, new ActionSink<State>(state, static (s, in k) =>
        {
            s.Key = k;
            return s.Target.Run(s.Input, new ActionSink<State>(s, static (s2, in t) =>
            {
                Value r = ValueOps.Index(t, s2.Key);
                if (r.IsError)
                {
                    return s2.Optional ? Ok : r; // an optional step gives no output and goes on
                }

                return s2.Sink.Emit(r);
            }));
        }));
    }

    private sealed class State(QNode target, Value input, Sink sink, bool optional)
    {
        public QNode Target { get; } = target;

        public Value Input { get; } = input;

        public Sink Sink { get; } = sink;

        public bool Optional { get; } = optional;

        public Value Key { get; set; }
    }
}

/// <summary>
/// <c>t[]</c>: each element of an array or value of an object; an error for anything else, or no
/// output when optional (<c>t[]?</c>).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class IterateNode(QNode target, bool optional) : QNode
{
    public override bool IsSingle => false;

    public override Value Run(in Value input, Sink sink)
    {
        if (target.IsSingle)
        {
            Value v = target.Eval(input);
            return v.IsError ? v : Iterate(v, sink, optional);
        }

        return target.Run(input, new ActionSink<(Sink, bool)>((sink, optional), static (s, in v) => Iterate(v, s.Item1, s.Item2)));
    }

    private static Value Iterate(in Value v, Sink sink, bool optional)
    {
        if (v.Kind is not (JsonKind.Array or JsonKind.Object))
        {
            return optional ? Ok : Value.Error($"Cannot iterate over {v.TypeName}");
        }

        foreach (Value item in new Children(v))
        {
            Value e = sink.Emit(item);
            if (e.IsError)
            {
                return e;
            }
        }

        return Ok;
    }
}

/// <summary>
/// <c>(body)?</c>: jq 1.6's try without catch. The body's outputs go downstream until an error is
/// raised, by the body or by anything downstream of its outputs (jq 1.6 unwinds both to the try);
/// the error is dropped and the body stops.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class TryNode(QNode body) : QNode
{
    public override bool IsSingle => false;

    public override Value Run(in Value input, Sink sink)
    {
        if (body.IsSingle)
        {
            Value v = body.Eval(input);
            if (!v.IsError)
            {
                sink.Emit(v); // a downstream error is caught here too
            }

            return Ok;
        }

        body.Run(input, sink);
        return Ok;
    }

    public override Truth Test(in Value input)
    {
        if (body.IsSingle)
        {
            Value v = body.Eval(input);
            return v.IsTruthy ? Truth.True : Truth.False;
        }

        return base.Test(input);
    }
}
