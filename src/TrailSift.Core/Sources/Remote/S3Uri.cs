namespace TrailSift.Core.Sources.Remote;

/// <summary>An <c>s3://bucket[/prefix]</c> argument: a bucket and a key prefix (possibly empty or a whole key).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record S3Uri(string Bucket, string Prefix)
{
    private const string Scheme = "s3://";

    /// <summary>True when <paramref name="text"/> starts with <c>s3://</c> (any case).</summary>
    public static bool IsS3(string text) => text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket[/prefix]</c>; null when there is no bucket name.</summary>
    public static S3Uri? TryParse(string text)
    {
        if (!IsS3(text))
        {
            return null;
        }

        string rest = text[Scheme.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string bucket = slash < 0 ? rest : rest[..slash];
        string prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        return bucket.Length == 0 ? null : new S3Uri(bucket, prefix);
    }

    /// <summary>The display form of one object of this bucket.</summary>
    public static string Display(string bucket, string key) => Scheme + bucket + "/" + key;

    /// <inheritdoc />
    public override string ToString() => Display(Bucket, Prefix);
}
