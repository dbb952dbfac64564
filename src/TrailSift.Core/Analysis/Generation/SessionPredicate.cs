using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// <c>--session NAME</c>: calls made by one assumed-role session, that is whose caller ARN is
/// <c>arn:…:sts::ACCOUNT:assumed-role/ROLE/NAME</c> (the session name compares exactly, as STS keeps its case).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class SessionPredicate : IEventPredicate
{
    private readonly string _suffix;

    /// <summary>Creates the predicate for session <paramref name="sessionName"/>.</summary>
    public SessionPredicate(string sessionName)
    {
        ArgumentNullException.ThrowIfNull(sessionName);
        _suffix = "/" + sessionName;
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record)
    {
        JsonNode arn = record.UserIdentity.GetProperty("arn"u8);
        if (arn.Kind != JsonKind.String)
        {
            return false;
        }

        string text = arn.GetString();
        return text.Contains(":assumed-role/", StringComparison.Ordinal) && text.EndsWith(_suffix, StringComparison.Ordinal)
            && text.IndexOf('/', text.IndexOf(":assumed-role/", StringComparison.Ordinal) + 14) == text.Length - _suffix.Length;
    }
}
