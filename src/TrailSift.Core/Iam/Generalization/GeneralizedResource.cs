namespace TrailSift.Core.Iam.Generalization;

/// <summary>
/// One resource entry produced by <see cref="ResourceGeneralizer"/>: the <see cref="Pattern"/> to write into a
/// policy and the observed values it stands for (<see cref="Covers"/>, distinct and in ordinal order), so
/// explanations can show the evidence behind each wildcard.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record GeneralizedResource
{
    /// <summary>Creates an entry.</summary>
    public GeneralizedResource(string pattern, IReadOnlyList<string> covers)
    {
        Pattern = pattern;
        Covers = covers;
    }

    /// <summary>The resource pattern (an exact ARN, <c>prefix*</c>, an observed wildcard, or <c>*</c>).</summary>
    public string Pattern { get; }

    /// <summary>The observed values this pattern covers; every one matches <see cref="Pattern"/> under IAM wildcard rules.</summary>
    public IReadOnlyList<string> Covers { get; }

    /// <summary>True when <see cref="Pattern"/> holds a wildcard (<c>*</c> or <c>?</c>).</summary>
    public bool IsWildcard => Pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <inheritdoc />
    public override string ToString() => Covers.Count == 1 && Covers[0] == Pattern ? Pattern : $"{Pattern} ({Covers.Count} observed)";
}
