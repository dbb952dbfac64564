using System.IO.Compression;

namespace TrailSift.Tools.CatalogGen;

/// <summary>
/// Gzip with a fixed header (mtime 0, OS "unknown"), so the same input gives the same bytes on every machine
/// running the same .NET runtime and regenerating an unchanged catalog leaves no diff.
/// </summary>
/// <remarks>Stateless.</remarks>
internal static class DeterministicGzip
{
    private const int MtimeOffset = 4, OsOffset = 9;

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        byte[] bytes = output.ToArray();
        bytes.AsSpan(MtimeOffset, 4).Clear();
        bytes[OsOffset] = 0xff;
        return bytes;
    }
}
