namespace TrailSift.Core.Events;

/// <summary>
/// The one definition of a tagging call, by event name: calls that add tags to existing resources (<c>CreateTags</c>,
/// <c>AddTags…</c>, <c>Tag…</c> such as <c>TagResource</c>, <c>TagQueue</c>) and calls that remove them
/// (<c>DeleteTags</c>, <c>RemoveTags…</c>, <c>Untag…</c>). Tags given in a create call's request are not a tagging call.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class TaggingCalls
{
    /// <summary>True for calls that add tags to existing resources.</summary>
    public static bool AddsTags(ReadOnlySpan<byte> eventName) =>
        eventName.SequenceEqual("CreateTags"u8) || eventName.StartsWith("AddTags"u8)
        || (eventName.StartsWith("Tag"u8) && eventName.Length > 3 && eventName[3] is >= (byte)'A' and <= (byte)'Z');

    /// <inheritdoc cref="AddsTags(ReadOnlySpan{byte})"/>
    public static bool AddsTags(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return eventName == "CreateTags" || eventName.StartsWith("AddTags", StringComparison.Ordinal)
            || (eventName.StartsWith("Tag", StringComparison.Ordinal) && eventName.Length > 3 && char.IsAsciiLetterUpper(eventName[3]));
    }

    /// <summary>True for calls that remove tags (<c>DeleteTags</c>, <c>RemoveTags…</c>, <c>Untag…</c>).</summary>
    public static bool RemovesTags(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return eventName == "DeleteTags" || eventName.StartsWith("RemoveTags", StringComparison.Ordinal)
            || (eventName.StartsWith("Untag", StringComparison.Ordinal) && eventName.Length > 5 && char.IsAsciiLetterUpper(eventName[5]));
    }

    /// <summary>True for calls that add or remove tags.</summary>
    public static bool ChangesTags(string eventName) => AddsTags(eventName) || RemovesTags(eventName);
}
