using TrailSift.Core.Events;

namespace TrailSift.Core.Query.Shortcuts;

/// <summary>
/// <c>--principal ARN|NAME</c>: the caller's ARN, the role behind an assumed-role session, or a user or
/// role name. IAM names are unique case-insensitively, so names and ARNs compare ignoring ASCII case.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class PrincipalPredicate : IEventPredicate
{
    private readonly string _wanted;
    private readonly bool _isArn;

    /// <summary>Creates the predicate.</summary>
    public PrincipalPredicate(string principal)
    {
        _wanted = principal.Trim();
        _isArn = _wanted.StartsWith("arn:", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record) => PrincipalIdentity.From(record.UserIdentity).Matches(_wanted, _isArn);
}
