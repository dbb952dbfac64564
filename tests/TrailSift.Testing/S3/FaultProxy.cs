using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TrailSift.Testing.S3;

/// <summary>What the proxy does to one request.</summary>
public enum Fault
{
    /// <summary>Forward the request and the answer unchanged.</summary>
    None,

    /// <summary>Answer <c>503 SlowDown</c> without forwarding.</summary>
    SlowDown,

    /// <summary>Send the headers and half the body, then drop the connection.</summary>
    DropMidBody,

    /// <summary>Send half the body as if it were all of it (Content-Length matches the short body).</summary>
    TruncateBody,

    /// <summary>Answer <c>403 AccessDenied</c>.</summary>
    AccessDenied,

    /// <summary>Answer <c>400 ExpiredToken</c>.</summary>
    ExpiredToken,

    /// <summary>
    /// Answer as S3 does when a bucket in eu-west-1 is asked with a request signed for another region:
    /// <c>301 PermanentRedirect</c>, <c>x-amz-bucket-region: eu-west-1</c>, the regional endpoint in the body.
    /// Requests signed for eu-west-1 are forwarded.
    /// </summary>
    BucketInEuWest1,
}

/// <summary>One request the proxy saw.</summary>
public sealed record ProxiedRequest(string Method, string Key, string? ListPrefix, string? Range)
{
    /// <summary>True for a ListObjectsV2 request.</summary>
    public bool IsList => Method == "GET" && ListPrefix is not null;

    /// <summary>True for a GET of an object.</summary>
    public bool IsGetObject => Method == "GET" && ListPrefix is null && Key.Length > 0;
}

/// <summary>
/// A logging, fault-injecting HTTP proxy on 127.0.0.1 in front of the S3 test server: records each request
/// (list prefix, object key, Range) and applies the fault a test chooses per request. The Host header is
/// forwarded unchanged, so SigV4 signatures stay valid.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly HttpClient _client = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseCookies = false });
    private readonly string _target;

    /// <summary>Starts a proxy to <paramref name="target"/> (for example the s3rver endpoint).</summary>
    public FaultProxy(string target, Func<ProxiedRequest, int, Fault>? faults = null)
    {
        _target = target.TrimEnd('/');
        Faults = faults ?? ((_, _) => Fault.None);
        _server = new LoopbackHttpServer(Handle);
    }

    /// <summary>The proxy's URL.</summary>
    public string Endpoint => _server.Endpoint;

    /// <summary>Chooses the fault for a request, given how many earlier requests had the same key and range start.</summary>
    public Func<ProxiedRequest, int, Fault> Faults { get; set; }

    /// <summary>Awaited before a request is answered (null: none): holds chosen requests back, e.g. one folder's listing.</summary>
    public Func<ProxiedRequest, Task>? Hold { get; set; }

    /// <summary>Every request seen, in arrival order.</summary>
    public ConcurrentQueue<ProxiedRequest> Log { get; } = new();

    /// <summary>Forgets the log.</summary>
    public void ClearLog() => Log.Clear();

    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);

    private async Task Handle(HttpListenerContext context)
    {
        HttpListenerRequest request = context.Request;
        HttpListenerResponse response = context.Response;
        try
        {
            string rawPath = request.RawUrl ?? "/";
            string path = rawPath.Split('?')[0];
            string[] parts = Uri.UnescapeDataString(path).TrimStart('/').Split('/', 2);
            string key = parts.Length > 1 ? parts[1] : string.Empty;
            string? listPrefix = request.QueryString["list-type"] is not null ? request.QueryString["prefix"] ?? string.Empty : null;
            var seen = new ProxiedRequest(request.HttpMethod, key, listPrefix, request.Headers["Range"]);
            Log.Enqueue(seen);
            int earlier = _seen.AddOrUpdate($"{seen.Method} {rawPath} {seen.Range}", 0, (_, n) => n + 1);
            if (Hold is { } hold)
            {
                await hold(seen).ConfigureAwait(false);
            }

            Fault fault = Faults(seen, earlier);
            string bucket = parts[0];
            (int Status, string Code, string Message, string Extra)? error = fault switch
            {
                Fault.SlowDown => (503, "SlowDown", "Please reduce your request rate.", string.Empty),
                Fault.AccessDenied => (403, "AccessDenied", "Access Denied", string.Empty),
                Fault.ExpiredToken => (400, "ExpiredToken", "The provided token has expired.", string.Empty),
                Fault.BucketInEuWest1 when !(request.Headers["Authorization"] ?? string.Empty).Contains("/eu-west-1/s3/", StringComparison.Ordinal) =>
                    (301, "PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint.",
                        $"<Endpoint>{bucket}.s3.eu-west-1.amazonaws.com</Endpoint><Bucket>{bucket}</Bucket>"),
                _ => null,
            };
            if (error is { } e)
            {
                if (fault == Fault.BucketInEuWest1)
                {
                    response.Headers.Set("x-amz-bucket-region", "eu-west-1");
                }

                byte[] body = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{e.Code}</Code><Message>{e.Message}</Message>{e.Extra}<RequestId>TEST</RequestId></Error>");
                response.StatusCode = e.Status;
                response.ContentType = "application/xml";
                response.ContentLength64 = request.HttpMethod == "HEAD" ? 0 : body.Length;
                if (request.HttpMethod != "HEAD")
                {
                    await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
                }

                response.Close();
                return;
            }

            using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), _target + rawPath);
            if (request.HasEntityBody)
            {
                using var ms = new MemoryStream();
                await request.InputStream.CopyToAsync(ms).ConfigureAwait(false);
                forward.Content = new ByteArrayContent(ms.ToArray());
            }

            foreach (string name in request.Headers.AllKeys.OfType<string>())
            {
                if (name is "Connection" or "Content-Length" or "Transfer-Encoding" or "Expect")
                {
                    continue;
                }

                string value = request.Headers[name]!;
                if (!forward.Headers.TryAddWithoutValidation(name, value))
                {
                    forward.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using HttpResponseMessage answer = await _client.SendAsync(forward, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            byte[] content = await answer.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            response.StatusCode = (int)answer.StatusCode;
            foreach (var h in answer.Headers.Concat(answer.Content.Headers))
            {
                if (h.Key is "Content-Length" or "Transfer-Encoding" or "Connection" or "Keep-Alive" or "Date" or "Server")
                {
                    continue;
                }

                response.Headers.Set(h.Key, string.Join(",", h.Value));
            }

            bool isBody = seen.IsGetObject && answer.IsSuccessStatusCode && content.Length > 1;
            if (isBody && fault == Fault.DropMidBody)
            {
                response.ContentLength64 = content.Length;
                await response.OutputStream.WriteAsync(content.AsMemory(0, content.Length / 2)).ConfigureAwait(false);
                await response.OutputStream.FlushAsync().ConfigureAwait(false);
                response.Abort();
                return;
            }

            if (isBody && fault == Fault.TruncateBody)
            {
                content = content[..(content.Length / 2)];
            }

            response.ContentLength64 = content.Length;
            if (request.HttpMethod != "HEAD")
            {
                await response.OutputStream.WriteAsync(content).ConfigureAwait(false);
            }

            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or HttpRequestException or ObjectDisposedException)
        {
            response.Abort();
        }
    }

    public void Dispose()
    {
        _server.Dispose();
        _client.Dispose();
    }
}
