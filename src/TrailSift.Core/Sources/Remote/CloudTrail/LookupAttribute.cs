namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>
/// The one server-side filter LookupEvents takes (<c>AccessKeyId</c>, <c>EventName</c>, <c>Username</c>, <c>EventSource</c>,
/// <c>EventId</c>, <c>ReadOnly</c>, <c>ResourceType</c>, <c>ResourceName</c>).
/// </summary>
/// <param name="Key">The attribute key.</param>
/// <param name="Value">The value it must equal.</param>
public sealed record LookupAttribute(string Key, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Key}={Value}";
}
