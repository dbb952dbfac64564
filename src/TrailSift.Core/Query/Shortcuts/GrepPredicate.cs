using System.Text.Encodings.Web;
using TrailSift.Core.Events;

namespace TrailSift.Core.Query.Shortcuts;

/// <summary><c>--grep TEXT</c>: a literal anywhere in the raw record (as written, or JSON-escaped).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class GrepPredicate : IEventPredicate
{
    private readonly byte[] _plain;
    private readonly byte[] _escaped;

    /// <summary>Creates the predicate.</summary>
    public GrepPredicate(string text)
    {
        _plain = NodeText.Utf8(text);
        // JSON writers escape quotes and backslashes, and some escape more; try the common escaped form too.
        _escaped = NodeText.Utf8(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(text));
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record) => MayMatch(record.Utf8);

    /// <inheritdoc />
    public bool HasPrefilter => true;

    /// <inheritdoc />
    public bool MayMatch(ReadOnlySpan<byte> utf8) => utf8.IndexOf(_plain) >= 0 || utf8.IndexOf(_escaped) >= 0;
}
