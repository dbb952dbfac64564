using System.Text;
using System.Text.Json;
using TrailSift.Core.Json;

namespace TrailSift.Core.Tests.Json;

/// <summary>
/// <see cref="TextCache"/> gives every string value the text <see cref="JsonNode.GetString"/> gives it (the oracle),
/// whatever the value (short, long, escaped, not ASCII, many values sharing slots), and one instance for a recurring
/// ASCII value.
/// </summary>
public sealed class TextCacheTests
{
    [Fact]
    public void Should_Give_The_Decoded_Text_When_Values_Of_Every_Shape_Recur()
    {
        // Given string values of every length up to past the cached limit, escaped ones, non-ASCII ones, and many
        // more distinct values than slots
        var values = new List<string> { "", "a", "é", "a\"b", "tab\there", "\u0001", "😀", new string('x', 256), new string('y', 257) };
        for (int length = 0; length < 40; length++)
        {
            values.Add(new string('k', length));
            values.Add(new string('k', Math.Max(0, length - 1)) + "l");
        }

        for (int i = 0; i < 10_000; i++)
        {
            values.Add($"arn:aws:s3:::bucket/sessions/2025/06/{i % 31:00}/part-{i}.txt");
        }

        using IndexedJson? json = StrictJsonReader.Read(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values)), out string? error, out _);
        Assert.Null(error);
        Assert.NotNull(json);

        // When each is read through the cache three times over
        for (int pass = 0; pass < 3; pass++)
        {
            int i = 0;
            foreach (JsonNode node in json.Root.EnumerateChildren())
            {
                // Then each read gives the decoded text
                Assert.Equal(values[i++], TextCache.Get(node));
            }
        }
    }

    [Fact]
    public void Should_Give_One_Instance_When_An_Ascii_Value_Recurs()
    {
        using IndexedJson? json = StrictJsonReader.Read("""["eu-west-1","us-east-1","eu-west-1"]"""u8, out _, out _);
        Assert.NotNull(json);

        string first = TextCache.Get(json.Root.GetElement(0));
        string third = TextCache.Get(json.Root.GetElement(2));

        Assert.Same(first, third);
        Assert.Null(TextCache.Text(default));
    }
}
