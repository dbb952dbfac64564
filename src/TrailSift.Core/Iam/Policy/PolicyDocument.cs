using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Policy;

/*! Iam/Policy: the IAM policy document model (PolicyDocument, Statement, principals, conditions), a strict
    parser that reports diagnostics with JSON paths and byte offsets instead of throwing (over Json/StrictJsonReader,
    which names syntax errors, invalid UTF-8 and lone surrogates in words, and the JsonNode model), the input
    reader for CLI-wrapped and multi-document files (PolicyInputReader), policy kinds, and a canonical writer.
    Depends on Json and the BCL; Lint/ also on Iam/Catalog. It must not use Events. */

/// <summary>
/// An IAM policy document: <c>Version</c>, <c>Id</c> and its statements. The model keeps enough of the
/// JSON form (single value vs array, element order) for <see cref="PolicyWriter"/> to round-trip it.
/// </summary>
/// <remarks>Immutable and thread-safe. Equality is structural.</remarks>
public sealed record PolicyDocument
{
    /// <summary>The current policy language version, which enables policy variables.</summary>
    public const string Version2012 = "2012-10-17";

    /// <summary>The old policy language version (no policy variables).</summary>
    public const string Version2008 = "2008-10-17";

    /// <summary>The <c>Version</c>, or null when absent (which behaves as <see cref="Version2008"/>).</summary>
    public string? Version { get; init; }

    /// <summary>The <c>Id</c>, or null.</summary>
    public string? Id { get; init; }

    /// <summary>The statements in document order.</summary>
    public ImmutableArray<Statement> Statements { get; init; } = [];

    /// <summary>Statements left out of <see cref="Statements"/> because their <c>Effect</c> was missing or invalid,
    /// kept so that <c>lint</c> reports every other problem of the document in the same run.</summary>
    internal ImmutableArray<Statement> LintOnlyStatements { get; init; } = [];

    /// <summary>True when <c>Statement</c> was written as an array; false for a single object.</summary>
    public bool StatementIsArray { get; init; } = true;

    /// <summary>True when policy variables (<c>${…}</c>) are interpreted, that is under <c>2012-10-17</c>.</summary>
    public bool SupportsVariables => string.Equals(Version, Version2012, StringComparison.Ordinal);

    /// <inheritdoc/>
    public bool Equals(PolicyDocument? other)
    {
        if (other is null || !string.Equals(Version, other.Version, StringComparison.Ordinal)
            || !string.Equals(Id, other.Id, StringComparison.Ordinal) || StatementIsArray != other.StatementIsArray
            || Statements.Length != other.Statements.Length)
        {
            return false;
        }

        for (int i = 0; i < Statements.Length; i++)
        {
            if (!Statements[i].Equals(other.Statements[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Version, Id, Statements.Length);

    /// <inheritdoc/>
    public override string ToString() => PolicyWriter.WriteToString(this, indented: false);
}
