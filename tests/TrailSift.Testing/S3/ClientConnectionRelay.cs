using System.Net;
using System.Net.Sockets;

namespace TrailSift.Testing.S3;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a server that counts the client's connections still open. A connection counts
/// as closed only when the client closes it: when the server closes its side (s3rver drops idle keep-alive connections
/// after 5 s), the client's side stays open, so only the client releasing its connections (disposing its HTTP client)
/// brings <see cref="Open"/> to zero.
/// </summary>
public sealed class ClientConnectionRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private int _open;
    private int _accepted;

    /// <summary>Starts relaying to <paramref name="target"/> (an http://127.0.0.1:port endpoint).</summary>
    public ClientConnectionRelay(string target)
    {
        _target = new Uri(target);
        _listener.Start();
        _ = RelayPump.Accept(_listener, Counted, _stop.Token);
    }

    /// <summary>The relay's URL.</summary>
    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Client connections not closed by the client yet.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Client connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    private Task Counted(TcpClient client)
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _open);
        return Relay(client);
    }

    private async Task Relay(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token).ConfigureAwait(false);
                NetworkStream up = server.GetStream(), down = client.GetStream();
                Task toClient = RelayPump.Copy(up, down, _stop.Token);
                await RelayPump.Copy(down, up, _stop.Token).ConfigureAwait(false); // ends when the client closes its side
                server.Close();
                await toClient.ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
