using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>A runtime environment frame: one variable value, one closure (function or filter argument), or one label.</summary>
internal sealed class JqEnv
{
    public JqEnv(JqEnv? parent, JqValue value)
    {
        Parent = parent;
        Value = value;
    }

    public JqEnv(JqEnv? parent, JqClosure closure)
    {
        Parent = parent;
        Closure = closure;
        Value = JqValue.Null;
    }

    public JqEnv(JqEnv? parent, object label)
    {
        Parent = parent;
        Label = label;
        Value = JqValue.Null;
    }

    public JqEnv? Parent { get; }

    public JqValue Value { get; }

    public JqClosure? Closure { get; set; }

    public object? Label { get; }

    public JqEnv At(int depth)
    {
        JqEnv e = this;
        for (int i = 0; i < depth; i++)
        {
            e = e.Parent!;
        }

        return e;
    }
}

/// <summary>A filter with the environment it was written in: a function argument, or a defined function (Params &gt; 0 or self).</summary>
internal sealed class JqClosure(JqNode body, JqEnv? env, JqFunction? function)
{
    public JqNode Body { get; } = body;

    public JqEnv? Env { get; set; } = env;

    public JqFunction? Function { get; } = function;
}

/// <summary>A compiled <c>def</c>: its body and which parameters are <c>$values</c>.</summary>
internal sealed class JqFunction(string name, bool[] valueParams)
{
    public string Name { get; } = name;

    public bool[] ValueParams { get; } = valueParams;

    public int Arity => ValueParams.Length;

    public JqNode Body { get; set; } = null!;
}
