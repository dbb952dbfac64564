using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Amazon.Runtime;

namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// The HTTP clients of our S3 clients, owned by each SDK client (not the SDK's process-wide cache): disposing the
/// <see cref="Amazon.S3.AmazonS3Client"/> at the end of a run disposes its HttpClient and so closes its keep-alive
/// connections, whoever hosts the run. Configured as the SDK configures its own (no automatic redirects, so S3's
/// <c>301</c> comes back as an answer; no automatic decompression; the client's proxy and timeout; the
/// <c>AWS_CA_BUNDLE</c> certificates as the only trusted roots when set, which the SDK leaves to a custom factory).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class RunOwnedHttpClients : HttpClientFactory
{
    private readonly X509Certificate2Collection? _trusted;
    private readonly ConcurrentDictionary<string, AuthenticationException> _refused = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Loads <paramref name="caBundle"/> (a PEM file) when given; throws <see cref="S3AccessException"/> when it holds no certificate.</summary>
    public RunOwnedHttpClients(string? caBundle)
    {
        if (caBundle is null)
        {
            return;
        }

        _trusted = [];
        try
        {
            _trusted.ImportFromPemFile(caBundle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new S3AccessException($"AWS_CA_BUNDLE '{caBundle}' cannot be read: {e.Message.TrimEnd('.')}", e);
        }

        if (_trusted.Count == 0)
        {
            throw new S3AccessException($"AWS_CA_BUNDLE '{caBundle}' holds no certificate");
        }
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var handler = new HttpClientHandler
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

        if (_trusted is { } roots)
        {
            handler.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => Trusted(roots, certificate, errors);
        }

        return new HttpClient(new RefusalMemory(handler, _refused)) { Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100) };
    }

    // Cached by the SDK, per SDK client (a null key), and disposed with it; never after each use.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string? GetConfigUniqueString(IClientConfig clientConfig) => null;

    // The server's certificate chains to one of the bundle's roots (and names the host: other errors stand).
    private static bool Trusted(X509Certificate2Collection roots, X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    // An endpoint whose TLS certificate was refused is not asked again in this run: the SDK's own retries (and any
    // request after) fail at once with the same refusal instead of connecting again — the certificate will not change.
    private sealed class RefusalMemory(HttpMessageHandler inner, ConcurrentDictionary<string, AuthenticationException> refused) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string endpoint = request.RequestUri?.GetLeftPart(UriPartial.Authority) ?? string.Empty;
            if (refused.TryGetValue(endpoint, out AuthenticationException? known))
            {
                throw new HttpRequestException(known.Message, known);
            }

            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (Refusal(e) is { } refusal)
            {
                refused.TryAdd(endpoint, refusal);
                throw;
            }
        }

        private static AuthenticationException? Refusal(Exception e)
        {
            for (Exception? x = e; x is not null; x = x.InnerException)
            {
                if (x is AuthenticationException a)
                {
                    return a;
                }
            }

            return null;
        }
    }
}
