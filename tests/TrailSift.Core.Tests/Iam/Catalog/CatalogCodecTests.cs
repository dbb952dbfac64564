using System.IO.Compression;
using System.Text.Json;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Tests.Iam.Catalog;

public sealed class CatalogCodecTests
{
    private static byte[] EmbeddedJson()
    {
        using Stream embedded = typeof(IamCatalog).Assembly.GetManifestResourceStream(IamCatalog.ResourceName)!;
        using var gzip = new GZipStream(embedded, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    [Fact]
    public void Should_Write_The_Embedded_Catalog_Byte_For_Byte_When_It_Reads_It_Back()
    {
        // Given the catalog CatalogGen wrote
        byte[] json = EmbeddedJson();

        // When the one codec reads it and writes it again
        CatalogFile file = CatalogCodec.Read(json);
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            CatalogCodec.Write(writer, file);
        }

        // Then the bytes are the same: the generator's format and the loader's are one
        Assert.Equal(json.Length, output.Length);
        Assert.True(json.AsSpan().SequenceEqual(output.ToArray()));
        Assert.Equal(456, file.Services.Count);
    }

    [Fact]
    public void Should_Refuse_A_Catalog_When_A_Service_Has_No_Prefix()
    {
        // Given
        byte[] json = """{"formatVersion":1,"services":[{"actions":[],"conditionKeys":[],"name":"x","resourceTypes":[]}],"source":{"package":"p","version":"1"}}"""u8.ToArray();

        // When / Then
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => IamCatalog.Load(new MemoryStream(json)));
        Assert.Contains("missing service prefix", e.Message, StringComparison.Ordinal);
    }
}
