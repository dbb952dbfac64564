using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// A <c>Principal</c> or <c>NotPrincipal</c> element: either the bare string <c>"*"</c> or a map from
/// principal type (<c>AWS</c>, <c>Service</c>, <c>Federated</c>, <c>CanonicalUser</c>) to values, kept in
/// document order.
/// </summary>
/// <remarks>Immutable and thread-safe. Equality is structural.</remarks>
public sealed class PolicyPrincipal : IEquatable<PolicyPrincipal>
{
    /// <summary>The bare <c>"*"</c> form.</summary>
    public static readonly PolicyPrincipal Wildcard = new(isWildcard: true, []);

    private PolicyPrincipal(bool isWildcard, ImmutableArray<KeyValuePair<string, PolicyValueList>> entries)
    {
        IsWildcard = isWildcard;
        Entries = entries;
    }

    /// <summary>True for the bare string <c>"*"</c> (everyone, including anonymous callers).</summary>
    public bool IsWildcard { get; }

    /// <summary>Principal type → values, in document order (empty for <see cref="IsWildcard"/>).</summary>
    public ImmutableArray<KeyValuePair<string, PolicyValueList>> Entries { get; }

    /// <summary>Creates the map form.</summary>
    public static PolicyPrincipal FromEntries(ImmutableArray<KeyValuePair<string, PolicyValueList>> entries) =>
        new(isWildcard: false, entries.IsDefault ? [] : entries);

    /// <summary>Creates a map with one type, for example <c>{"AWS": "arn:aws:iam::111122223333:root"}</c>.</summary>
    public static PolicyPrincipal Of(string type, PolicyValueList values) =>
        FromEntries([new KeyValuePair<string, PolicyValueList>(type, values)]);

    /// <inheritdoc/>
    public bool Equals(PolicyPrincipal? other)
    {
        if (other is null || other.IsWildcard != IsWildcard || other.Entries.Length != Entries.Length)
        {
            return false;
        }

        for (int i = 0; i < Entries.Length; i++)
        {
            if (!string.Equals(Entries[i].Key, other.Entries[i].Key, StringComparison.Ordinal)
                || !Entries[i].Value.Equals(other.Entries[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PolicyPrincipal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsWildcard, Entries.Length);

    /// <inheritdoc/>
    public override string ToString() =>
        IsWildcard ? "*" : "{" + string.Join(", ", Entries.Select(e => e.Key + ": " + e.Value)) + "}";
}
