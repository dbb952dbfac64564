using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// The string values of an <c>Action</c>, <c>Resource</c> or principal entry, remembering whether the JSON
/// held a single string or an array so that the writer can reproduce the document's form.
/// </summary>
/// <remarks>Immutable and thread-safe. Equality compares the values in order and the form.</remarks>
public sealed class PolicyValueList : IEquatable<PolicyValueList>
{
    /// <summary>Creates a list.</summary>
    /// <param name="values">The values in document order.</param>
    /// <param name="isArray">True when the JSON held an array (even of one element).</param>
    public PolicyValueList(ImmutableArray<string> values, bool isArray)
    {
        if (values.IsDefault)
        {
            values = [];
        }

        if (!isArray && values.Length != 1)
        {
            throw new ArgumentException("A single-value list must have exactly one value.", nameof(values));
        }

        Values = values;
        IsArray = isArray;
    }

    /// <summary>The values in document order.</summary>
    public ImmutableArray<string> Values { get; }

    /// <summary>True when the JSON held an array.</summary>
    public bool IsArray { get; }

    /// <summary>Creates a single-string list.</summary>
    public static PolicyValueList Single(string value) => new([value], isArray: false);

    /// <summary>Creates an array list.</summary>
    public static PolicyValueList Array(params string[] values) => new([.. values], isArray: true);

    /// <inheritdoc/>
    public bool Equals(PolicyValueList? other)
    {
        if (other is null || other.IsArray != IsArray || other.Values.Length != Values.Length)
        {
            return false;
        }

        for (int i = 0; i < Values.Length; i++)
        {
            if (!string.Equals(Values[i], other.Values[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PolicyValueList);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsArray);
        foreach (string value in Values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => IsArray ? "[" + string.Join(", ", Values) + "]" : Values[0];
}
