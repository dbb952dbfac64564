using System.Net;
using Amazon.Runtime;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// The HTTP clients of our S3 clients, owned by each SDK client (not the SDK's process-wide cache): disposing the
/// <see cref="Amazon.S3.AmazonS3Client"/> at the end of a run disposes its HttpClient and so closes its keep-alive
/// connections, whoever hosts the run. Configured as the SDK configures its own (no automatic redirects, so S3's
/// <c>301</c> comes back as an answer; no automatic decompression; the client's proxy and timeout).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal sealed class RunOwnedHttpClients : HttpClientFactory
{
    public static RunOwnedHttpClients Instance { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = clientConfig.AllowAutoRedirect,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (clientConfig.MaxConnectionsPerServer is { } max)
        {
            handler.MaxConnectionsPerServer = max;
        }

        if (clientConfig.GetWebProxy() is { } proxy)
        {
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }

        return new HttpClient(handler) { Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100) };
    }

    // Cached by the SDK, per SDK client (a null key), and disposed with it; never after each use.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string? GetConfigUniqueString(IClientConfig clientConfig) => null;
}
