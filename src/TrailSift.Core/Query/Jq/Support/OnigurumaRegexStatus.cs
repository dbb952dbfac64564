namespace TrailSift.Core.Query.Jq.Support;

/// <summary>How a jq regex (pattern plus modifier string) compiled.</summary>
public enum OnigurumaRegexStatus
{
    /// <summary>Translated to an equivalent .NET regex.</summary>
    Compiled,

    /// <summary>
    /// jq itself rejects it: an invalid modifier string or a pattern Oniguruma does not accept. The message is jq's
    /// exact error text (a catchable jq runtime error, for example <c>Regex failure: end pattern at group</c>).
    /// </summary>
    JqError,

    /// <summary>
    /// jq accepts it but TrailSift cannot reproduce its meaning exactly (for example <c>\K</c> or the absent
    /// operator): refused, with a message naming the construct and its offset in the pattern.
    /// </summary>
    Unsupported,
}
