using System.Net;
using System.Net.Sockets;

namespace TrailSift.Testing;

/// <summary>
/// An <see cref="HttpListener"/> on 127.0.0.1 at a free port that hands each request to a handler on the thread pool;
/// the base of the test servers (the S3 fault proxy, the AWS loopback endpoint).
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _loop;

    /// <summary>Starts serving with <paramref name="handle"/>.</summary>
    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        _handle = handle;
        Endpoint = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    /// <summary>The URL (<c>http://127.0.0.1:PORT</c>, no trailing slash).</summary>
    public string Endpoint { get; }

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => _handle(context));
        }
    }

    private static int FreePort()
    {
        var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        int port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(2000);
        }
        catch (AggregateException)
        {
            // the loop ends with the listener
        }
    }
}
