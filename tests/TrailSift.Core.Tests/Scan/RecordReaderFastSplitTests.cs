using System.Text;
using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Scan;

namespace TrailSift.Core.Tests.Scan;

/// <summary>
/// The fast split of fast records (<see cref="PlainObjectScanner.Scan"/>) against <see cref="Utf8JsonReader"/>, the oracle:
/// whatever it accepts the reader accepts too, ending at the same byte, so every error is still the reader's.
/// </summary>
public sealed class RecordReaderFastSplitTests
{
    private const int Cases = 4000;

    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true, MaxDepth = 1 << 16 };

    [Fact]
    public void Should_Accept_Only_What_The_Json_Reader_Accepts_When_Records_Are_Damaged_At_Random()
    {
        // Given: the records fixture, damaged at random, and a record with every string and number form
        byte[] clean = Encoding.UTF8.GetBytes(
            "{\"a\":\"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\ude00 é\",\"n\":[0,-0,1.5,-2e10,3E+2,4e-1,12345678901234567890],"
            + "\"t\":true,\"f\":false,\"z\":null,\"e\":{},\"l\":[],\"d\":[[[{\"k\":[{}]}]]], \"w\" :\t[ 1 ,\r\n 2 ] }");
        Assert.Equal(Reference(clean), PlainObjectScanner.Scan(clean));
        SameIndex(clean, "clean");
        var (data, _) = MutationTests.Build("records");
        var random = new Random(20261206);
        int accepted = 0;
        int refused = 0;

        for (int i = 0; i < Cases; i++)
        {
            var (damaged, at, what) = MutationTests.Damage(i % 4 == 0 ? clean : data, random);
            int start = i % 4 == 0 ? 0 : Array.IndexOf(damaged, (byte)'{', 1);
            if (start < 0 || damaged.Length == 0 || damaged[0] != '{')
            {
                continue;
            }

            // When
            ReadOnlySpan<byte> record = damaged.AsSpan(start);
            int scanned = PlainObjectScanner.Scan(record);
            int reference = Reference(record);

            // Then
            if (scanned >= 0)
            {
                Assert.True(scanned == reference, $"case {i} ({what} at {at}): split at {scanned}, the reader at {reference}");
                SameIndex(record[..scanned], $"case {i} ({what} at {at})");
                accepted++;
            }
            else if (reference >= 0)
            {
                refused++;
            }
        }

        // The damage hit both accepted records and ones the fast split leaves to the reader
        Assert.True(accepted > Cases / 4, $"{accepted} accepted");
        Assert.True(refused < accepted, $"{refused} valid records left to the reader, {accepted} accepted");
    }

    [Theory]
    [InlineData("records")]
    [InlineData("concatenated")]
    [InlineData("array")]
    public void Should_Read_The_Same_Records_And_Problems_With_The_Fast_Split_As_With_The_Reader_Alone(string fixture)
    {
        // Given
        var (data, _) = MutationTests.Build(fixture);
        var random = new Random(fixture.Length * 7919);

        for (int i = 0; i < 600; i++)
        {
            var (damaged, at, what) = i == 0 ? (data, 0, "none") : MutationTests.Damage(data, random);
            int chunk = 1 + random.Next(300);
            int buffer = 16 + random.Next(2048);

            // When
            var alone = RecordReaderRecoveryTests.Read(damaged, chunk, buffer, defer: true, maxRecordBytes: 4096, fastSplit: false);
            var fast = RecordReaderRecoveryTests.Read(damaged, chunk, buffer, defer: true, maxRecordBytes: 4096);

            // Then
            string context = $"case {i} ({what} at {at}, chunk {chunk}, buffer {buffer})";
            Assert.True(alone.Records.SequenceEqual(fast.Records), $"{context}: records differ");
            Assert.True(alone.Problems.SequenceEqual(fast.Problems), $"{context}: {string.Join(" | ", alone.Problems)} <> {string.Join(" | ", fast.Problems)}");
            Assert.Equal(alone.Error, fast.Error);
        }
    }

    // The index the scan fills equals the one Utf8JsonReader's tokens give, token by token.
    private static void SameIndex(ReadOnlySpan<byte> json, string context)
    {
        using var scanned = new RecordIndex();
        using var reference = new RecordIndex();
        Assert.Equal(json.Length, PlainObjectScanner.Scan(json, scanned));
        reference.Build(json);
        Assert.True(scanned.Count == reference.Count, $"{context}: {scanned.Count} tokens, the reader {reference.Count}");
        for (int t = 0; t < reference.Count; t++)
        {
            JsonToken a = scanned[t];
            JsonToken b = reference[t];
            Assert.True(
                a.Kind == b.Kind && a.IsPropertyName == b.IsPropertyName && a.HasEscapes == b.HasEscapes && a.Start == b.Start
                    && a.Length == b.Length && a.Next == b.Next && a.ChildCount == b.ChildCount,
                $"{context}: token {t} differs");
        }
    }

    // Where Utf8JsonReader, mid-stream, ends the object at the start of json; -1 if it fails or needs more data.
    private static int Reference(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(Options));
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject)
                {
                    return (int)reader.BytesConsumed;
                }
            }
        }
        catch (JsonException)
        {
        }

        return -1;
    }
}
