namespace TrailSift.Core.Sources.Remote;

/// <summary>One listed S3 object: where it is, its size and ETag (the cache and resume key).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed record RemoteObject(string Bucket, string Key, long Size, string ETag)
{
    public string Display => S3Uri.Display(Bucket, Key);
}
