using System.Collections.Specialized;

namespace TrailSift.Testing.Aws;

/// <summary>How an AWS request names its operation.</summary>
public enum AwsProtocol
{
    /// <summary>JSON 1.0/1.1: POST with <c>X-Amz-Target: Prefix.Operation</c>.</summary>
    Json,

    /// <summary>Query: <c>Action=Operation&amp;Version=…</c> as a form (or in the query string); answers in XML.</summary>
    Query,

    /// <summary>REST (S3): the method and path name the operation.</summary>
    Rest,
}

/// <summary>One request the loopback endpoint verified (signature and credential scope), as handlers see it.</summary>
/// <param name="Service">The signing name of the credential scope (<c>cloudtrail</c>, <c>sts</c>, <c>iam</c>, <c>s3</c>).</param>
/// <param name="Region">The region of the credential scope.</param>
/// <param name="Operation">The operation (<c>LookupEvents</c>, <c>AssumeRole</c>), or <c>METHOD /path</c> for REST.</param>
/// <param name="Protocol">The protocol.</param>
/// <param name="Identity">Whose key signed it.</param>
/// <param name="Time">When it arrived.</param>
/// <param name="Body">The request body as text.</param>
/// <param name="Parameters">For the query protocol, the form's pairs (Action and Version included).</param>
/// <param name="Headers">The request headers.</param>
/// <param name="Query">The URL's query string.</param>
/// <param name="RequestId">The request id the answer carries.</param>
public sealed record LoopbackCall(string Service, string Region, string Operation, AwsProtocol Protocol, LoopbackIdentity Identity, DateTimeOffset Time,
    string Body, IReadOnlyList<KeyValuePair<string, string>> Parameters, NameValueCollection Headers, NameValueCollection Query, string RequestId)
{
    /// <summary>The first value of a query-protocol parameter, or null.</summary>
    public string? Parameter(string name) => Parameters.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>The User-Agent header.</summary>
    public string UserAgent => Headers["User-Agent"] ?? string.Empty;
}
