namespace TrailSift.Core.Query.Jq.Values;

/// <summary>An immutable jq value: null, a boolean, a number, a string, an array or an object.</summary>
/// <remarks>Values are never mutated after construction, so they can be shared freely between outputs and threads.</remarks>
public abstract class JqValue : IComparable<JqValue>, IEquatable<JqValue>
{
    /// <summary>jq's <c>null</c>.</summary>
    public static readonly JqValue Null = new JqAtom(JqKind.Null);

    /// <summary>jq's <c>true</c>.</summary>
    public static readonly JqValue True = new JqAtom(JqKind.True);

    /// <summary>jq's <c>false</c>.</summary>
    public static readonly JqValue False = new JqAtom(JqKind.False);

    /// <summary>The kind of the value.</summary>
    public abstract JqKind Kind { get; }

    /// <summary>jq's type name: <c>null</c>, <c>boolean</c>, <c>number</c>, <c>string</c>, <c>array</c>, <c>object</c>.</summary>
    public string TypeName => Kind switch
    {
        JqKind.Null => "null",
        JqKind.False or JqKind.True => "boolean",
        JqKind.Number => "number",
        JqKind.String => "string",
        JqKind.Array => "array",
        _ => "object",
    };

    /// <summary>False only for <c>null</c> and <c>false</c>.</summary>
    public bool IsTruthy => Kind > JqKind.False;

    /// <summary>The boolean value for <paramref name="b"/>.</summary>
    public static JqValue FromBool(bool b) => b ? True : False;

    /// <summary>A number value computed by arithmetic (no literal text).</summary>
    public static JqValue FromNumber(double d) => new JqNumber(d);

    /// <summary>A string value.</summary>
    public static JqValue FromString(string s) => new JqString(s);

    /// <summary>Compares in jq's total order (null &lt; false &lt; true &lt; numbers &lt; strings &lt; arrays &lt; objects).</summary>
    public int CompareTo(JqValue? other) => other is null ? 1 : JqOrder.Compare(this, other);

    /// <summary>jq equality.</summary>
    public bool Equals(JqValue? other) => other is not null && JqOrder.Compare(this, other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JqValue v && Equals(v);

    /// <inheritdoc />
    public override int GetHashCode() => JqOrder.Hash(this);

    /// <summary>The compact JSON text of the value, as <c>tojson</c> prints it.</summary>
    public override string ToString() => JqJsonWriter.ToJson(this);
}
