namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// A parameterised condition key seen as literal prefix + one parameter + literal suffix, e.g.
/// <c>aws:RequestTag/</c> + <c>${TagKey}</c> + <c>""</c>, resolving concrete keys to <see cref="Key"/>.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
internal sealed record ConditionKeyPattern(string Prefix, string Suffix, ConditionKeyInfo Key)
{
    /// <summary>Whether <paramref name="key"/> is the prefix, at least one character, then the suffix (any case).</summary>
    public bool Matches(ReadOnlySpan<char> key) =>
        key.Length > Prefix.Length + Suffix.Length
        && key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
        && key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);
}
