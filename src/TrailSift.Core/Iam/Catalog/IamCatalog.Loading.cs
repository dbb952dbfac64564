using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace TrailSift.Core.Iam.Catalog;

// Loading: decompress, read the catalog file (format 1, CatalogFile.cs) with CatalogCodec — the codec
// tools/CatalogGen writes it with — and build the immutable model.
public sealed partial class IamCatalog
{
    /// <summary>The catalog format this reader understands.</summary>
    internal const int FormatVersion = 1;

    /// <summary>
    /// Loads a catalog from <paramref name="stream"/>, gzip-compressed (as embedded) or plain JSON, and records
    /// <see cref="LoadTime"/>. Throws <see cref="InvalidDataException"/> when the data is not a catalog.
    /// </summary>
    public static IamCatalog Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long started = Stopwatch.GetTimestamp();
        byte[] json = ReadJson(stream, out int length);
        try
        {
            return Read(json.AsSpan(0, length), started);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException("The IAM catalog data is malformed: " + e.Message, e);
        }
    }

    private static IamCatalog LoadEmbedded()
    {
        using Stream stream = typeof(IamCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded IAM catalog '{ResourceName}' is missing.");
        return Load(stream);
    }

    private static byte[] ReadJson(Stream stream, out int length)
    {
        var raw = new MemoryStream();
        stream.CopyTo(raw);
        byte[] bytes = raw.GetBuffer();
        if (raw.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            raw.Position = 0;
            using var gzip = new GZipStream(raw, CompressionMode.Decompress);
            var plain = new MemoryStream(capacity: (int)raw.Length * 16);
            gzip.CopyTo(plain);
            length = (int)plain.Length;
            return plain.GetBuffer();
        }

        length = (int)raw.Length;
        return bytes;
    }

    private static IamCatalog Read(ReadOnlySpan<byte> json, long started)
    {
        CatalogFile file = CatalogCodec.Read(json);
        if (file.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"IAM catalog format {file.FormatVersion} is not supported (expected {FormatVersion}).");
        }

        CatalogFileSource source = file.Source ?? throw new InvalidDataException("The IAM catalog has no source.");
        ImmutableArray<ConditionKeyInfo> globalKeys = BuildKeys(file.GlobalConditionKeys, GlobalPrefix);
        var services = ImmutableArray.CreateBuilder<ServiceInfo>(file.Services.Count);
        foreach (CatalogService service in file.Services)
        {
            services.Add(BuildService(service));
        }

        ImmutableArray<ServiceInfo> serviceArray = services.MoveToImmutable();
        ImmutableArray<ConditionKeyPattern> patterns = ResolvePatterns(file.ConditionPatterns, serviceArray, globalKeys);
        var unassociated = new Dictionary<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach ((string prefix, ImmutableArray<string> owners) in file.UnassociatedConditions)
        {
            unassociated[prefix] = owners;
        }

        DateTimeOffset? updatedAt = source.UpdatedAt is { } updated
            ? DateTimeOffset.Parse(updated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
        return new IamCatalog(new CatalogSource(source.Package, source.Version, updatedAt),
            serviceArray, globalKeys, patterns, unassociated.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase))
        {
            LoadTime = Stopwatch.GetElapsedTime(started),
        };
    }
}
