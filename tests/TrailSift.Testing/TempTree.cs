using System.IO.Compression;
using System.Text;

namespace TrailSift.Testing;

/// <summary>A temporary directory for a test, deleted on dispose, with helpers to write plain and gzip files.</summary>
public sealed class TempTree : IDisposable
{
    /// <summary>Creates an empty temporary directory.</summary>
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "trailsift-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The directory.</summary>
    public string Root { get; }

    /// <summary>Writes text to a relative path (creating folders) and returns the full path.</summary>
    public string Write(string relative, string content) => WriteBytes(relative, Encoding.UTF8.GetBytes(content));

    /// <summary>Writes bytes to a relative path and returns the full path.</summary>
    public string WriteBytes(string relative, byte[] content)
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes gzip-compressed text and returns the full path.</summary>
    public string WriteGzip(string relative, string content) => WriteBytes(relative, Gzip(Encoding.UTF8.GetBytes(content)));

    /// <summary>Compresses bytes with gzip.</summary>
    public static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(data);
        }

        return ms.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
