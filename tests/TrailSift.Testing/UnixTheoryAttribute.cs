namespace TrailSift.Testing;

/// <summary>A theory about Unix processes or file systems: skipped on Windows, or when <c>Needs</c> (a program path) is absent.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute; <paramref name="needs"/> names a program the test runs.</summary>
    public UnixTheoryAttribute(string? needs = null)
    {
        Skip = UnixFactAttribute.SkipReason(needs);
    }
}
