namespace TrailSift.Core.Query.Jq.Support;

/// <summary>Why a pattern was not translated: jq's own error, or a refusal.</summary>
internal sealed class OnigurumaTranslationException(OnigurumaRegexStatus status, string message, int offset) : Exception(message)
{
    public OnigurumaRegexStatus Status { get; } = status;

    public int Offset { get; } = offset;
}
