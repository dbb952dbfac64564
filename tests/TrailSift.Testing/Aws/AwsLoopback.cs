using System.Collections.Concurrent;
using System.Net;
using System.Text;
using TrailSift.Core.Aws;

namespace TrailSift.Testing.Aws;

/// <summary>
/// An AWS-compatible endpoint on 127.0.0.1 (random port) for tests: one URL for every service (as with
/// <c>AWS_ENDPOINT_URL</c>), the service read from the SigV4 credential scope. Every request's <c>Authorization</c>
/// header is checked for shape, credential scope, freshness and signature (<see cref="SigV4Check"/>, against the
/// secret of a registered <see cref="LoopbackIdentity"/>); verified calls are logged (<see cref="Calls"/>) and
/// dispatched to the handler registered for their service and operation (<see cref="On"/>), else to the
/// service's fallback (<see cref="OnAny"/>), else answered <c>400 UnknownOperationException</c>.
/// </summary>
public sealed class AwsLoopback : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentDictionary<string, LoopbackIdentity> _identities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Service, string Operation), Func<LoopbackCall, LoopbackReply>> _handlers = new();
    private readonly ConcurrentDictionary<string, Func<LoopbackCall, LoopbackReply>> _fallbacks = new(StringComparer.Ordinal);
    private long _requestIds;

    /// <summary>Starts the endpoint.</summary>
    public AwsLoopback(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        _server = new LoopbackHttpServer(Handle);
    }

    /// <summary>The URL (<c>http://127.0.0.1:PORT</c>).</summary>
    public string Endpoint => _server.Endpoint;

    /// <summary>The clock of call times and signature freshness.</summary>
    public TimeProvider Time { get; }

    /// <summary>Every verified call, in arrival order.</summary>
    public ConcurrentQueue<LoopbackCall> Calls { get; } = new();

    /// <summary>Every verified call with the answer it got, in the order the answers were made.</summary>
    public ConcurrentQueue<(LoopbackCall Call, LoopbackReply Reply)> Answers { get; } = new();

    /// <summary>Requests refused before dispatch (bad signature, unknown key), with the reason.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>
    /// Regions not enabled for the account (opt-in regions): every request signed for one is refused before dispatch,
    /// unlogged, as AWS refuses the credentials there (<c>UnrecognizedClientException</c>, <c>InvalidClientTokenId</c> for the query protocol).
    /// </summary>
    public ConcurrentDictionary<string, bool> DisabledRegions { get; } = new(StringComparer.Ordinal);

    /// <summary>Registers a principal whose keys may sign requests.</summary>
    public LoopbackIdentity Add(LoopbackIdentity identity)
    {
        _identities[identity.AccessKeyId] = identity;
        return identity;
    }

    /// <summary>The identity of a registered key.</summary>
    public LoopbackIdentity? Identity(string accessKeyId) => _identities.GetValueOrDefault(accessKeyId);

    /// <summary>Answers <paramref name="operation"/> of <paramref name="service"/> (its signing name) with <paramref name="handler"/>.</summary>
    public void On(string service, string operation, Func<LoopbackCall, LoopbackReply> handler) => _handlers[(service, operation)] = handler;

    /// <summary>Answers every other operation of <paramref name="service"/> with <paramref name="handler"/>.</summary>
    public void OnAny(string service, Func<LoopbackCall, LoopbackReply> handler) => _fallbacks[service] = handler;

    /// <summary>The environment a process needs to call this endpoint with <paramref name="identity"/>'s keys and nothing else (no metadata service, no shared files).</summary>
    public Dictionary<string, string> Environment(LoopbackIdentity identity, string home, string region = "us-east-1")
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AwsEndpoints.Variable] = Endpoint,
            ["AWS_ACCESS_KEY_ID"] = identity.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = identity.SecretAccessKey,
            ["AWS_REGION"] = region,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "no-credentials"),
            ["AWS_CONFIG_FILE"] = Path.Combine(home, "no-config"),
            ["HOME"] = home,
        };
        if (identity.SessionToken is { } token)
        {
            env["AWS_SESSION_TOKEN"] = token;
        }

        return env;
    }

    private async Task Handle(HttpListenerContext context)
    {
        HttpListenerRequest request = context.Request;
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
        byte[] body = buffer.ToArray();
        string requestId = $"loopback-{Interlocked.Increment(ref _requestIds):D6}";
        LoopbackReply reply;
        try
        {
            reply = Dispatch(request, body, requestId);
        }
        catch (Exception e)
        {
            reply = LoopbackReply.Error(AwsProtocol.Json, 500, "InternalFailure", e.ToString(), requestId);
        }

        HttpListenerResponse response = context.Response;
        try
        {
            response.StatusCode = reply.Status;
            response.ContentType = reply.ContentType;
            response.Headers.Set("x-amzn-RequestId", requestId);
            response.ContentLength64 = reply.Body.Length;
            await response.OutputStream.WriteAsync(reply.Body).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // the client went away
        }
    }

    private LoopbackReply Dispatch(HttpListenerRequest request, byte[] body, string requestId)
    {
        string text = Encoding.UTF8.GetString(body);
        string? target = request.Headers["X-Amz-Target"];
        string rawUrl = request.RawUrl ?? "/";
        int q = rawUrl.IndexOf('?', StringComparison.Ordinal);
        string rawPath = q < 0 ? rawUrl : rawUrl[..q];
        string rawQuery = q < 0 ? string.Empty : rawUrl[(q + 1)..];
        bool form = (request.ContentType ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        List<KeyValuePair<string, string>> parameters = form ? AwsQueryForm.Decode(text) : AwsQueryForm.Decode(rawQuery);
        string? action = parameters.FirstOrDefault(p => p.Key == "Action").Value;
        AwsProtocol protocol = target is not null ? AwsProtocol.Json : action is not null ? AwsProtocol.Query : AwsProtocol.Rest;

        SigV4Header? header = SigV4Check.Parse(request.Headers["Authorization"], request.Headers["X-Amz-Date"], out string reason);
        if (header is null)
        {
            return Refuse(protocol, 400, protocol == AwsProtocol.Rest ? "AuthorizationHeaderMalformed" : "IncompleteSignature", reason, requestId);
        }

        if (DisabledRegions.ContainsKey(header.Region))
        {
            return Refuse(protocol, 403, protocol == AwsProtocol.Json ? "UnrecognizedClientException" : protocol == AwsProtocol.Query ? "InvalidClientTokenId" : "InvalidAccessKeyId",
                "The security token included in the request is invalid.", requestId);
        }

        if (!SigV4Check.IsFresh(request.Headers["X-Amz-Date"]!, Time.GetUtcNow()))
        {
            return Refuse(protocol, 403, "SignatureDoesNotMatch", "Signature expired: X-Amz-Date is more than 15 minutes from the server's time", requestId);
        }

        if (Identity(header.AccessKeyId) is not { } identity)
        {
            return Refuse(protocol, 403, protocol == AwsProtocol.Rest ? "InvalidAccessKeyId" : "InvalidClientTokenId", $"The security token included in the request is invalid ({header.AccessKeyId})", requestId);
        }

        if (identity.SessionToken is { } token && (request.Headers["X-Amz-Security-Token"] != token || (header.Service != "s3" && !header.SignedHeaders.Contains("x-amz-security-token"))))
        {
            return Refuse(protocol, 403, "InvalidClientTokenId", "The security token included in the request is invalid (missing or unsigned session token)", requestId);
        }

        string expected = SigV4Check.Signature(header, identity.SecretAccessKey, request.HttpMethod, rawPath, rawQuery, request.Headers, body);
        if (expected != header.Signature)
        {
            return Refuse(protocol, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.", requestId);
        }

        string operation = protocol switch
        {
            AwsProtocol.Json => target![(target!.LastIndexOf('.') + 1)..],
            AwsProtocol.Query => action!,
            _ => $"{request.HttpMethod} {rawPath}",
        };
        var call = new LoopbackCall(header.Service, header.Region, operation, protocol, identity, Time.GetUtcNow(), text, parameters,
            request.Headers, request.QueryString, requestId);
        Calls.Enqueue(call);
        LoopbackReply reply = _handlers.TryGetValue((header.Service, operation), out Func<LoopbackCall, LoopbackReply>? handler)
            || _fallbacks.TryGetValue(header.Service, out handler)
            ? handler(call)
            : LoopbackReply.Error(protocol, 400, "UnknownOperationException", $"the loopback endpoint has no handler for {header.Service} {operation}", requestId);
        Answers.Enqueue((call, reply));
        return reply;
    }

    private LoopbackReply Refuse(AwsProtocol protocol, int status, string code, string reason, string requestId)
    {
        Refused.Enqueue($"{code}: {reason}");
        return LoopbackReply.Error(protocol, status, code, reason, requestId);
    }

    /// <inheritdoc />
    public void Dispose() => _server.Dispose();
}
