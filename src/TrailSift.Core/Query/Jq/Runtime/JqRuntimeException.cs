using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>A jq runtime error carrying its value (a message string, or any value given to <c>error</c>).</summary>
public sealed class JqRuntimeException : Exception
{
    /// <summary>An error with a message.</summary>
    public JqRuntimeException(string message)
        : base(message) => Value = new JqString(message);

    /// <summary>An error with any value.</summary>
    public JqRuntimeException(JqValue value)
        : base(value is JqString s ? s.Value : JqJsonWriter.ToJson(value)) => Value = value;

    /// <summary>The error value (<c>catch</c> receives it).</summary>
    public JqValue Value { get; }

    /// <summary>True when the error ends the program as <c>halt_error</c> does.</summary>
    internal bool IsHalt { get; init; }

    /// <summary>The exit code for <c>halt</c>/<c>halt_error</c>.</summary>
    internal int HaltCode { get; init; }

    /// <summary>The text jq prints after <c>jq: error (at ...)</c>: <c>": msg"</c> or <c>" (not a string): json"</c>.</summary>
    public string Describe() => Value is JqString s ? ": " + s.Value : " (not a string): " + JqJsonWriter.ToJson(Value);

    internal static string Trunc(JqValue v, int bufsize = 15)
    {
        string s = JqJsonWriter.ToJson(v);
        int max = bufsize - 1;
        return System.Text.Encoding.UTF8.GetByteCount(s) > max ? TruncBytes(s, max - 3) + "..." : s;
    }

    private static string TruncBytes(string s, int bytes)
    {
        byte[] b = System.Text.Encoding.UTF8.GetBytes(s);
        return System.Text.Encoding.UTF8.GetString(b, 0, Math.Min(bytes, b.Length));
    }

    internal static JqRuntimeException TypeError(JqValue v, string what) => new($"{v.TypeName} ({Trunc(v)}) {what}");

    internal static JqRuntimeException BinaryError(JqValue a, JqValue b, string what) =>
        new($"{a.TypeName} ({Trunc(a)}) and {b.TypeName} ({Trunc(b)}) {what}");

    internal static JqRuntimeException InvalidPathResult(JqValue v) => new($"Invalid path expression with result {Trunc(v, 30)}");

    internal static JqRuntimeException InvalidPathAccess(JqValue key, JqValue v) =>
        new($"Invalid path expression near attempt to access element {Trunc(key, 15)} of {Trunc(v, 30)}");

    internal static JqRuntimeException InvalidPathIterate(JqValue v) =>
        new($"Invalid path expression near attempt to iterate through {Trunc(v, 30)}");
}
