using System.IO.Compression;

namespace TrailSift.Tools.TrailGen.Common;

/// <summary>
/// Gzip output as CloudTrail writes it (deflate at the default level). .NET writes a fixed header
/// (mtime 0, OS 3), so the same bytes in give the same file out on the same runtime.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class Gzip
{
    /// <summary>Writes <paramref name="content"/> gzip-compressed to <paramref name="path"/>, creating folders.</summary>
    public static void WriteFile(string path, ReadOnlySpan<byte> content)
    {
        using GZipStream gz = Create(path);
        gz.Write(content);
    }

    /// <summary>Opens <paramref name="path"/> for gzip-compressed writing, creating folders.</summary>
    public static GZipStream Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return new GZipStream(file, CompressionLevel.Optimal, leaveOpen: false);
    }
}
