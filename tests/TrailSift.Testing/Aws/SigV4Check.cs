using System.Collections.Specialized;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TrailSift.Testing.Aws;

/// <summary>The parts of a SigV4 <c>Authorization</c> header.</summary>
public sealed record SigV4Header(string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature);

/// <summary>
/// An independent SigV4 checker (written from the AWS documentation "Create a signed AWS API request", not from the SDK):
/// the header's shape and credential scope, then the signature recomputed from the request and the secret.
/// </summary>
public static partial class SigV4Check
{
    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=([A-Z0-9]{4,128})/(\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$")]
    private static partial Regex Shape();

    /// <summary>Parses the header; null (with the reason) when its shape is wrong.</summary>
    public static SigV4Header? Parse(string? authorization, string? amzDate, out string reason)
    {
        Match m = Shape().Match(authorization ?? string.Empty);
        if (!m.Success)
        {
            reason = $"malformed Authorization header '{authorization}'";
            return null;
        }

        string[] signed = m.Groups[5].Value.Split(';');
        if (amzDate is not { Length: 16 } || !amzDate.StartsWith(m.Groups[2].Value, StringComparison.Ordinal))
        {
            reason = $"credential scope date {m.Groups[2].Value} does not match X-Amz-Date {amzDate}";
            return null;
        }

        if (!signed.Contains("host") || !signed.Contains("x-amz-date") || !signed.SequenceEqual(signed.Order(StringComparer.Ordinal)))
        {
            reason = $"signed headers '{m.Groups[5].Value}' must be sorted and include host and x-amz-date";
            return null;
        }

        reason = string.Empty;
        return new SigV4Header(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, signed, m.Groups[6].Value);
    }

    /// <summary>The signature of a request as AWS computes it.</summary>
    public static string Signature(SigV4Header h, string secret, string method, string rawPath, string rawQuery, NameValueCollection headers, byte[] body)
    {
        string amzDate = headers["X-Amz-Date"]!;
        string payloadHash = headers["X-Amz-Content-SHA256"] is { Length: 64 } given ? given
            : headers["X-Amz-Content-SHA256"] is { } special ? special : Hex(SHA256.HashData(body));
        var canonical = new StringBuilder();
        canonical.Append(method).Append('\n');
        canonical.Append(CanonicalPath(rawPath, h.Service == "s3")).Append('\n');
        canonical.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (string name in h.SignedHeaders)
        {
            string value = string.Join(",", headers.GetValues(name) ?? []);
            canonical.Append(name).Append(':').Append(Collapse(value)).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(";", h.SignedHeaders)).Append('\n').Append(payloadHash);
        string scope = $"{h.Date}/{h.Region}/{h.Service}/aws4_request";
        string toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        byte[] key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), h.Date);
        key = Hmac(key, h.Region);
        key = Hmac(key, h.Service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, toSign));
    }

    /// <summary>True when X-Amz-Date is within 15 minutes of <paramref name="now"/>, as AWS requires.</summary>
    public static bool IsFresh(string amzDate, DateTimeOffset now) =>
        DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at)
        && (now - at).Duration() <= TimeSpan.FromMinutes(15);

    private static string CanonicalPath(string rawPath, bool s3)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        if (s3)
        {
            return rawPath;
        }

        // Other services: each segment URI-encoded once more (the path arrives encoded once).
        return string.Join("/", rawPath.Split('/').Select(Uri.EscapeDataString));
    }

    private static string CanonicalQuery(string rawQuery)
    {
        var pairs = new List<(string Name, string Value)>();
        foreach (string part in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string name = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
            string value = eq < 0 ? string.Empty : Uri.UnescapeDataString(part[(eq + 1)..]);
            pairs.Add((Uri.EscapeDataString(name), Uri.EscapeDataString(value)));
        }

        return string.Join("&", pairs.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));
    }

    private static string Collapse(string value) => MultipleSpaces().Replace(value.Trim(), " ");

    [GeneratedRegex(" +")]
    private static partial Regex MultipleSpaces();

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
