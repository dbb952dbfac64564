using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TrailSift.Testing.S3;

/// <summary>
/// An HTTPS front for a plain-HTTP server on 127.0.0.1: TLS is ended here with a certificate for 127.0.0.1 issued by a
/// certificate authority made for this relay (no system store trusts it), and the bytes go on to the target unchanged.
/// <see cref="CaPem"/> is that authority's certificate in PEM, what a user puts in <c>AWS_CA_BUNDLE</c>.
/// </summary>
public sealed class TlsRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly X509Certificate2 _serverCertificate;
    private readonly CancellationTokenSource _stop = new();
    private int _handshakes;
    private int _connections;

    /// <summary>Starts relaying to <paramref name="target"/> (an http://127.0.0.1:port endpoint).</summary>
    public TlsRelay(string target)
    {
        _target = new Uri(target);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=TrailSift test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        CaPem = ca.ExportCertificatePem();

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using X509Certificate2 issued = request.Create(ca, now.AddDays(-1), now.AddDays(1), [1, 2, 3, 4, 5, 6, 7, 8]);
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(key);
        _serverCertificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);

        _listener.Start();
        _ = RelayPump.Accept(_listener, Relay, _stop.Token);
    }

    /// <summary>The relay's URL (https).</summary>
    public string Endpoint => $"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>The certificate authority that issued the relay's certificate, in PEM.</summary>
    public string CaPem { get; }

    /// <summary>TLS handshakes completed so far (a client that refuses the certificate completes none).</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    /// <summary>TCP connections accepted so far (each attempt of a client, whether its handshake completes or not).</summary>
    public int Connections => Volatile.Read(ref _connections);

    private async Task Relay(TcpClient client)
    {
        Interlocked.Increment(ref _connections);
        using (client)
        using (var server = new TcpClient())
        using (var tls = new SslStream(client.GetStream()))
        {
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _serverCertificate }, _stop.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _handshakes);
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token).ConfigureAwait(false);
                NetworkStream up = server.GetStream();
                Task toClient = RelayPump.Copy(up, tls, _stop.Token);
                await RelayPump.Copy(tls, up, _stop.Token).ConfigureAwait(false);
                server.Close();
                await toClient.ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or AuthenticationException)
            {
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        _serverCertificate.Dispose();
    }
}
