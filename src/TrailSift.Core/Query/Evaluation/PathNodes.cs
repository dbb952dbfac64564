using TrailSift.Core.Events;

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

/// <summary><c>t[k]</c> with a computed key; as in jq the key is evaluated against the input, in the outer loop.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class IndexNode(QNode target, QNode key) : QNode
{
    public override bool IsSingle => target.IsSingle && key.IsSingle;

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

    public override bool Run(in Value input, Sink sink)
    {
        if (IsSingle)
        {
            return base.Run(input, sink);
        }

        var state = (Target: target, Input: input, Sink: sink);
        return key.Run(input, new ActionSink<(QNode, Value, Sink)>(state, static (s, in k) =>
        {
            if (k.IsError)
            {
                s.Item3.Emit(k);
                return false;
            }

            Value kv = k;
            return s.Item1.Run(s.Item2, new ActionSink<(Value, Sink)>((kv, s.Item3), static (s2, in t) =>
            {
                Value r = t.IsError ? t : ValueOps.Index(t, s2.Item1);
                return s2.Item2.Emit(r) && !r.IsError;
            }));
        }));
    }
}

/// <summary><c>t[]</c>: each element of an array or value of an object; an error for anything else.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class IterateNode(QNode target) : QNode
{
    public override bool IsSingle => false;

    public override bool Run(in Value input, Sink sink)
    {
        if (target.IsSingle)
        {
            return Iterate(target.Eval(input), sink);
        }

        return target.Run(input, new ActionSink<Sink>(sink, static (s, in v) => Iterate(v, s)));
    }

    private static bool Iterate(in Value v, Sink sink)
    {
        if (v.Kind is not (JsonKind.Array or JsonKind.Object))
        {
            sink.Emit(v.IsError ? v : Value.Error($"Cannot iterate over {v.TypeName}"));
            return false;
        }

        foreach (Value item in new Children(v))
        {
            if (!sink.Emit(item))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary><c>body?</c>: the body's outputs up to its first error, which is dropped (downstream errors are not).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class TryNode(QNode body) : QNode
{
    public override bool IsSingle => false;

    public override bool Run(in Value input, Sink sink)
    {
        if (body.IsSingle)
        {
            Value v = body.Eval(input);
            return v.IsError || sink.Emit(v);
        }

        var guard = new GuardSink(sink);
        body.Run(input, guard);
        return !guard.DownstreamFailed;
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

    private sealed class GuardSink(Sink downstream) : Sink
    {
        public bool DownstreamFailed { get; private set; }

        public override bool Emit(in Value value)
        {
            if (value.IsError)
            {
                return false; // the body's error: stop the body quietly
            }

            if (!downstream.Emit(value))
            {
                DownstreamFailed = true;
                return false;
            }

            return true;
        }
    }
}
