using System.Net.Sockets;

namespace TrailSift.Testing.S3;

/// <summary>The loops of the loopback relays: accepting connections, and copying one direction of a connection.</summary>
internal static class RelayPump
{
    /// <summary>Accepts connections on <paramref name="listener"/> and starts <paramref name="relay"/> on each, until stopped.</summary>
    public static async Task Accept(TcpListener listener, Func<TcpClient, Task> relay, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = relay(client);
        }
    }

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/>; connection errors end the copy quietly.</summary>
    public static async Task Copy(Stream from, Stream to, CancellationToken stop)
    {
        byte[] buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer, stop).ConfigureAwait(false)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, n), stop).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
