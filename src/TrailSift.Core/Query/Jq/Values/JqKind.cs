namespace TrailSift.Core.Query.Jq.Values;

/// <summary>The kinds of jq values, in jq's sort order.</summary>
public enum JqKind
{
    /// <summary><c>null</c>.</summary>
    Null = 0,

    /// <summary><c>false</c>.</summary>
    False = 1,

    /// <summary><c>true</c>.</summary>
    True = 2,

    /// <summary>A number (a double, with its literal text while unchanged).</summary>
    Number = 3,

    /// <summary>A string.</summary>
    String = 4,

    /// <summary>An array.</summary>
    Array = 5,

    /// <summary>An object (keys in insertion order).</summary>
    Object = 6,
}
