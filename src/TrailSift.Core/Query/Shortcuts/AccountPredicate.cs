using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Shortcuts;

/// <summary><c>--account</c>: the account whose trail recorded the event (<c>recipientAccountId</c>, else <c>userIdentity.accountId</c>).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class AccountPredicate : IEventPredicate
{
    private readonly byte[][] _accounts;

    /// <summary>Creates the predicate.</summary>
    public AccountPredicate(IEnumerable<string> accounts)
    {
        _accounts = [.. accounts.Select(NodeText.Utf8)];
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record)
    {
        JsonNode account = record.RecipientAccountId;
        if (account.Kind != JsonKind.String)
        {
            account = record.UserIdentity.GetProperty("accountId"u8);
        }

        foreach (byte[] a in _accounts)
        {
            if (NodeText.Equals(account, a, false))
            {
                return true;
            }
        }

        return false;
    }
}
