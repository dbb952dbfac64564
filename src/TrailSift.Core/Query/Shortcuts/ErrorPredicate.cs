using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Shortcuts;

/// <summary><c>--error</c> without a code (any error) and <c>--denied</c> (access-denied class errors only).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ErrorPredicate : IEventPredicate
{
    private readonly bool _deniedOnly;

    /// <summary>Creates the predicate.</summary>
    public ErrorPredicate(bool deniedOnly)
    {
        _deniedOnly = deniedOnly;
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record)
    {
        if (record.ErrorCode.Kind != JsonKind.String)
        {
            return false;
        }

        return !_deniedOnly || ErrorClassifier.Classify(record) == ErrorClass.AccessDenied;
    }

    /// <inheritdoc />
    public bool HasPrefilter => true;

    /// <inheritdoc />
    public bool MayMatch(ReadOnlySpan<byte> utf8) => utf8.IndexOf("\"errorCode\""u8) >= 0;
}
