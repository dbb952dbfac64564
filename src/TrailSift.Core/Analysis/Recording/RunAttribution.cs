using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Recording;

/// <summary>
/// Selects the events of a <see cref="RecordedRun"/>: inside the command's window, a call whose
/// <c>userIdentity.accessKeyId</c> is the session's key, whose assumed-role ARN ends with the session name, or whose
/// session carries the source identity; without a role, a call of the caller's ARN; and inside the window up to the
/// sentinels, a call of an <c>--also</c> principal.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class RunAttribution : IEventPredicate
{
    private readonly RecordedRun _run;

    /// <summary>Creates the predicate.</summary>
    public RunAttribution(RecordedRun run)
    {
        _run = run;
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record) => Why(record) is not null;

    /// <summary>Why the event belongs to the run (<c>own</c> or <c>also</c>), or null.</summary>
    public string? Why(EventRecord record)
    {
        if (record.EventTime is not { } time)
        {
            return null;
        }

        long second = time.ToUnixTimeSeconds();
        if (second < _run.FirstSecond)
        {
            return null;
        }

        JsonNode identity = record.UserIdentity;
        if (second <= _run.LastSecond && IsOwn(identity))
        {
            return "own";
        }

        if (second <= _run.AlsoLastSecond && _run.Also.Count > 0)
        {
            PrincipalIdentity who = PrincipalIdentity.From(identity);
            foreach (string also in _run.Also)
            {
                if (who.Matches(also, also.StartsWith("arn:", StringComparison.Ordinal)))
                {
                    return "also";
                }
            }
        }

        return null;
    }

    private bool IsOwn(JsonNode identity)
    {
        if (_run.AccessKeyId is { } key && Text(identity.GetProperty("accessKeyId"u8)) == key)
        {
            return true;
        }

        string? arn = Text(identity.GetProperty("arn"u8));
        if (_run.SessionName is { } session && arn is not null && arn.Contains(":assumed-role/", StringComparison.Ordinal)
            && arn.EndsWith("/" + session, StringComparison.Ordinal))
        {
            return true;
        }

        if (_run.SourceIdentity is { } source
            && Text(identity.GetProperty("sessionContext"u8).GetProperty("sourceIdentity"u8)) == source)
        {
            return true;
        }

        return _run.CallerArn is { } caller && arn is not null && string.Equals(arn, caller, StringComparison.Ordinal);
    }

    private static string? Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : null;
}
