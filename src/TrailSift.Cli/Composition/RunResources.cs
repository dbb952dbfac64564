namespace TrailSift.Cli.Composition;

/// <summary>
/// What one command run owns and must release when it ends, however it ends (results, errors, a closed pipe,
/// cancellation): the sources that hold SDK clients and their connections. <see cref="App.Run"/> creates one per
/// run and disposes it last.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RunResources : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private bool _disposed;

    /// <summary>Takes <paramref name="resource"/> to dispose at the end of the run (at once when the run has ended) and returns it.</summary>
    public T Own<T>(T resource)
        where T : IDisposable
    {
        lock (_owned)
        {
            if (!_disposed)
            {
                _owned.Add(resource);
                return resource;
            }
        }

        resource.Dispose();
        return resource;
    }

    /// <summary>Disposes what was taken, the last first.</summary>
    public void Dispose()
    {
        IDisposable[] owned;
        lock (_owned)
        {
            _disposed = true;
            owned = [.. _owned];
            _owned.Clear();
        }

        for (int i = owned.Length - 1; i >= 0; i--)
        {
            owned[i].Dispose();
        }
    }
}
