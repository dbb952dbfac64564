using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// The value of a request context key: a single string, or a list of strings for multivalued keys such as
/// <c>aws:TagKeys</c>. A list of one element is still multivalued: plain (non-set) operators never match a
/// multivalued key, as in AWS.
/// </summary>
/// <remarks>An immutable value type; thread-safe.</remarks>
public readonly struct ContextValue : IEquatable<ContextValue>
{
    private readonly string? _single;
    private readonly ImmutableArray<string> _many;

    /// <summary>A single value.</summary>
    public ContextValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _single = value;
        _many = default;
    }

    /// <summary>A multivalued key's values (may be empty).</summary>
    public ContextValue(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _single = null;
        _many = [.. values];
    }

    /// <summary>True for the list form.</summary>
    public bool IsMultiValued => _single is null;

    /// <summary>How many values there are.</summary>
    public int Count => _single is null ? _many.IsDefault ? 0 : _many.Length : 1;

    /// <summary>The value at <paramref name="index"/>.</summary>
    public string this[int index] => _single ?? _many[index];

    /// <summary>All values as an array (allocates for the single form).</summary>
    public ImmutableArray<string> Values => _single is null ? _many.IsDefault ? [] : _many : [_single];

    /// <summary>A single value.</summary>
    public static implicit operator ContextValue(string value) => new(value);

    /// <summary>A multivalued key's values.</summary>
    public static ContextValue Multi(params string[] values) => new(values);

    /// <inheritdoc/>
    public bool Equals(ContextValue other)
    {
        if (IsMultiValued != other.IsMultiValued || Count != other.Count)
        {
            return false;
        }

        for (int i = 0; i < Count; i++)
        {
            if (!string.Equals(this[i], other[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ContextValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsMultiValued, Count, Count > 0 ? this[0] : null);

    /// <summary>Equality.</summary>
    public static bool operator ==(ContextValue left, ContextValue right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ContextValue left, ContextValue right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => _single ?? "[" + string.Join(", ", Values) + "]";
}
