using System.Text;
using TrailSift.Core.Json;

namespace TrailSift.Core.Tests.Json;

/// <summary>
/// <see cref="StrictJsonReader"/> fills the same token table as <see cref="RecordIndex.Build"/> (Utf8JsonReader, the
/// oracle) for valid text, so policies and events share one node model; its own messages are for invalid text.
/// </summary>
public sealed class StrictJsonReaderTests
{
    [Theory]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","ec2:*"],"Resource":"*"}]}""")]
    [InlineData("""  { "a\"b" : [1, -2.5e+3, true, false, null, {}, [], "\u00e9\ud83d\ude00"], "a\"b": {"x": "\/"} }  """)]
    [InlineData("""[[[["deep"]]], "é😀", 0]""")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    public void Should_Index_Like_RecordIndex_Build_When_The_Text_Is_Valid(string text)
    {
        // Given valid JSON
        byte[] utf8 = Encoding.UTF8.GetBytes(text);

        // When both index it
        using IndexedJson? strict = StrictJsonReader.Read(utf8, out string? error, out _);
        using var reference = new RecordIndex();
        int start = text.Length - text.TrimStart().Length;
        reference.Build(utf8.AsSpan(start));

        // Then the tables are the same token by token (the reference's offsets are from the first value)
        Assert.Null(error);
        Assert.NotNull(strict);
        Assert.Equal(reference.Count, strict.Index.Count);
        for (int t = 0; t < reference.Count; t++)
        {
            JsonToken a = strict.Index[t];
            JsonToken b = reference[t];
            Assert.True(
                a.Kind == b.Kind && a.IsPropertyName == b.IsPropertyName && a.HasEscapes == b.HasEscapes && a.Start == b.Start + start
                    && a.Length == b.Length && a.Next == b.Next && a.ChildCount == b.ChildCount,
                $"token {t} differs");
        }
    }

    [Fact]
    public void Should_Give_Each_Value_Its_Node_When_Several_Documents_Follow_Each_Other()
    {
        // Given two documents one after another
        byte[] utf8 = """{"a": 1} ["x", "y"]"""u8.ToArray();

        // When
        using IndexedJson? json = StrictJsonReader.ReadMany(utf8, out List<JsonNode> values, out string? error, out _);

        // Then
        Assert.Null(error);
        Assert.Equal(2, values.Count);
        Assert.Equal(JsonKind.Object, values[0].Kind);
        Assert.Equal("1", values[0].GetProperty("a"u8).ToString());
        Assert.Equal(9, values[1].Offset);
        Assert.Equal("y", values[1].GetElement(1).GetString());
    }

    [Theory]
    [InlineData("{\"a\": 1,}", "invalid JSON: trailing comma before '}'", 7)]
    [InlineData("{'a': 1}", "invalid JSON: property names must be in double quotes (\"), not single quotes", 1)]
    [InlineData("{\"a\\u00e9\" 1}", "invalid JSON: expected ':' after the property name \"aé\", found '1'", 11)]
    [InlineData("[\"\\ud800\"]", "invalid JSON: lone surrogate escape \\ud800 (a high surrogate must be followed by a \\uDC00-\\uDFFF escape)", 2)]
    [InlineData("", "the document is empty", 0)]
    public void Should_Name_The_Error_And_Its_Offset_When_The_Text_Is_Invalid(string text, string message, long offset)
    {
        // When
        using IndexedJson? json = StrictJsonReader.Read(Encoding.UTF8.GetBytes(text), out string? error, out long at);

        // Then
        Assert.Null(json);
        Assert.Equal(message, error);
        Assert.Equal(offset, at);
    }
}
