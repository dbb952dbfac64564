using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace TrailSift.Core.Aws;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> with AWS Signature Version 4 through AWSSDK.Core's
/// <see cref="AWS4Signer"/>: its canonical request, header canonicalisation and signature computation (the protected
/// static helpers the SDK's own clients use), so TrailSift holds no SigV4 code of its own.
/// </summary>
internal sealed class AwsSigner : AWS4Signer
{
    /// <summary>Adds <c>host</c>, <c>x-amz-date</c>, <c>x-amz-security-token</c> (session credentials) and <c>Authorization</c> to <paramref name="request"/>.</summary>
    /// <param name="request">The request; its URI is final and its content, if any, is <paramref name="body"/>.</param>
    /// <param name="headers">Headers to sign besides host and date (content-type, x-amz-target); all are set on the request.</param>
    /// <param name="body">The exact body bytes.</param>
    /// <param name="credentials">The credentials.</param>
    /// <param name="region">The region of the credential scope.</param>
    /// <param name="service">The signing name of the credential scope.</param>
    /// <param name="now">The signing time (UTC).</param>
    public static void Sign(HttpRequestMessage request, IDictionary<string, string> headers, ReadOnlySpan<byte> body,
        ImmutableCredentials credentials, string region, string service, DateTime now)
    {
        Uri uri = request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request));
        var all = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        DateTime signedAt = InitializeHeaders(all, uri, now);
        if (credentials.UseToken)
        {
            all["X-Amz-Security-Token"] = credentials.Token;
        }

        string bodyHash = Convert.ToHexStringLower(ComputeHash(body.ToArray()));
        IDictionary<string, string> sorted = SortAndPruneHeaders(all);
        string canonical = CanonicalizeRequest(uri, uri.AbsolutePath, request.Method.Method, sorted,
            CanonicalizeQueryParameters(uri.Query.TrimStart('?'), uriEncodeParameters: false), bodyHash);
        AWS4SigningResult result = ComputeSignature(credentials, region, signedAt, service, CanonicalizeHeaderNames(sorted), canonical);
        foreach ((string name, string value) in all)
        {
            if (name.Equals("host", StringComparison.OrdinalIgnoreCase))
            {
                continue; // HttpClient writes Host from the URI, which is what was signed
            }

            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                continue; // set on the content by the caller
            }

            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }
}
