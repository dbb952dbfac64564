using System.Diagnostics.CodeAnalysis;

namespace TrailSift.Core.Common;

/// <summary>
/// An Amazon Resource Name split into <c>arn:partition:service:region:account:resource</c>. The resource part is
/// everything after the fifth colon and is kept intact, colons and slashes included
/// (<c>log-group:/aws/lambda/fn:*</c>, <c>function:name:alias</c>, <c>role/path/name</c>).
/// </summary>
/// <remarks>
/// An immutable value over the original string: the parts are located once and returned as spans (no allocation)
/// or strings (one substring each). Safe to share between threads. <c>default(Arn)</c> is empty and has
/// <see cref="IsEmpty"/> set.
/// </remarks>
public readonly struct Arn : IEquatable<Arn>
{
    private const string Scheme = "arn:";

    private readonly string? _value;
    // Start of service, region, account and resource; the partition starts right after "arn:".
    private readonly int _service, _region, _account, _resource;

    private Arn(string value, int service, int region, int account, int resource)
    {
        _value = value;
        _service = service;
        _region = region;
        _account = account;
        _resource = resource;
    }

    /// <summary>The full ARN text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is <c>default(Arn)</c>.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>The partition, e.g. <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>.</summary>
    public ReadOnlySpan<char> PartitionSpan => Slice(Scheme.Length, _service - 1);

    /// <summary>The service namespace, e.g. <c>s3</c>.</summary>
    public ReadOnlySpan<char> ServiceSpan => Slice(_service, _region - 1);

    /// <summary>The region; empty for global resources.</summary>
    public ReadOnlySpan<char> RegionSpan => Slice(_region, _account - 1);

    /// <summary>The account ID; empty for resources such as S3 buckets.</summary>
    public ReadOnlySpan<char> AccountSpan => Slice(_account, _resource - 1);

    /// <summary>The resource part, everything after the fifth colon.</summary>
    public ReadOnlySpan<char> ResourceSpan => _value is null ? default : _value.AsSpan(_resource);

    /// <summary>The partition as a string.</summary>
    public string Partition => PartitionSpan.ToString();

    /// <summary>The service namespace as a string.</summary>
    public string Service => ServiceSpan.ToString();

    /// <summary>The region as a string (empty when absent).</summary>
    public string Region => RegionSpan.ToString();

    /// <summary>The account ID as a string (empty when absent).</summary>
    public string Account => AccountSpan.ToString();

    /// <summary>The resource part as a string.</summary>
    public string Resource => _value is null ? string.Empty : _value[_resource..];

    /// <summary>
    /// The resource part up to its first <c>/</c> or <c>:</c>, which for most services is the resource type
    /// (<c>role</c>, <c>function</c>, <c>instance</c>); empty when the resource part has no separator (an SQS
    /// queue). A heuristic: for S3 objects it is the bucket name. The catalog's ARN templates are exact.
    /// </summary>
    public ReadOnlySpan<char> ResourceTypeSpan
    {
        get
        {
            ReadOnlySpan<char> resource = ResourceSpan;
            int end = resource.IndexOfAny('/', ':');
            return end < 0 ? default : resource[..end];
        }
    }

    /// <summary>Parses <paramref name="value"/>; returns false when it is not <c>arn:</c> followed by five colons.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out Arn arn)
    {
        arn = default;
        if (value is null || !value.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        // Partition, service, region and account cannot contain ':'; the resource part may.
        int service = NextField(value, Scheme.Length);
        int region = service < 0 ? -1 : NextField(value, service);
        int account = region < 0 ? -1 : NextField(value, region);
        int resource = account < 0 ? -1 : NextField(value, account);
        if (resource < 0)
        {
            return false;
        }

        arn = new Arn(value, service, region, account, resource);
        return true;
    }

    /// <summary>
    /// The partition a region name belongs to when it is not the commercial one (<c>cn-…</c> → <c>aws-cn</c>,
    /// <c>us-gov-…</c> → <c>aws-us-gov</c>, <c>us-iso-…</c> → <c>aws-iso</c>, <c>us-isob-…</c> → <c>aws-iso-b</c>);
    /// null for any other region, whose partition is <c>aws</c> unless the caller knows better.
    /// </summary>
    public static string? PartitionOfRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
            : region.StartsWith("us-iso-", StringComparison.Ordinal) ? "aws-iso"
            : region.StartsWith("us-isob-", StringComparison.Ordinal) ? "aws-iso-b"
            : null;
    }

    /// <summary>Parses <paramref name="value"/> or throws <see cref="FormatException"/>.</summary>
    public static Arn Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out Arn arn) ? arn : throw new FormatException($"Not an ARN: '{value}'.");
    }

    /// <inheritdoc/>
    public bool Equals(Arn other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Arn other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Returns the full ARN text.</summary>
    public override string ToString() => Value;

    /// <summary>Ordinal equality of the full text.</summary>
    public static bool operator ==(Arn left, Arn right) => left.Equals(right);

    /// <summary>Ordinal inequality of the full text.</summary>
    public static bool operator !=(Arn left, Arn right) => !left.Equals(right);

    private static int NextField(string value, int start)
    {
        int colon = value.IndexOf(':', start);
        return colon < 0 ? -1 : colon + 1;
    }

    private ReadOnlySpan<char> Slice(int start, int end) => _value is null ? default : _value.AsSpan(start, end - start);
}
