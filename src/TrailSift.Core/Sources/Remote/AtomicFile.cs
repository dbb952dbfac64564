namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// A file written under a temporary name (<c>.&lt;name&gt;.&lt;random&gt;.part</c> in the same folder) and renamed
/// to its final name only by <see cref="Commit"/>; disposing without committing deletes it (or keeps it for a resume).
/// </summary>
/// <remarks>Not thread-safe; one writer.</remarks>
internal sealed class AtomicFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _temp;
    private bool _done;

    private AtomicFile(string final, string temp, FileStream stream)
    {
        FinalPath = final;
        _temp = temp;
        _stream = stream;
    }

    /// <summary>Where the file goes when committed.</summary>
    public string FinalPath { get; }

    /// <summary>The stream to write to.</summary>
    public Stream Stream => _stream;

    /// <summary>Creates the folder and the temporary file for <paramref name="final"/>.</summary>
    public static AtomicFile Create(string final)
    {
        string dir = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(final)}.{Guid.NewGuid():N}.part");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        return new AtomicFile(final, temp, stream);
    }

    /// <summary>
    /// Opens (or creates) the resumable temporary file <c>.&lt;name&gt;.&lt;tag&gt;.part</c> for <paramref name="final"/>,
    /// positioned at its end: a download interrupted earlier goes on from <see cref="ExistingLength"/>.
    /// Disposing without committing keeps it for the next attempt.
    /// </summary>
    public static AtomicFile Resume(string final, string tag)
    {
        string dir = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(final)}.{tag}.part");
        var stream = new FileStream(temp, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        stream.Seek(0, SeekOrigin.End);
        return new AtomicFile(final, temp, stream) { KeepOnFailure = true, ExistingLength = stream.Length };
    }

    /// <summary>Bytes already in the temporary file when it was opened.</summary>
    public long ExistingLength { get; private init; }

    private bool KeepOnFailure { get; init; }

    /// <summary>Empties the temporary file (a resumed download whose object changed starts over).</summary>
    public void Restart()
    {
        _stream.SetLength(0);
        _stream.Seek(0, SeekOrigin.Begin);
    }

    /// <summary>Flushes, closes and renames the file to its final name (replacing any older one).</summary>
    public void Commit()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_temp, FinalPath, overwrite: true);
        _done = true;
    }

    /// <summary>Deletes the temporary file unless committed.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _stream.Dispose();
        try
        {
            if (!KeepOnFailure)
            {
                File.Delete(_temp);
            }
        }
        catch (IOException)
        {
        }

        _done = true;
    }
}
