using TrailSift.Core.Analysis.Usage;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The event ids the distinct allowed requests keep (<see cref="CompactEventId"/>): given back exactly, and ordered as
/// their texts are (ordinal), GUIDs or not.
/// </summary>
public sealed class CompactEventIdTests
{
    private static readonly string[] Odd =
    [
        string.Empty, "e-000001", "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "3f2504e0-4f89-11d3-9a0c-0305e82c330", "3f2504e0-4f89-11d3-9a0c-0305e82c3301x",
        "3f2504e0x4f89-11d3-9a0c-0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c330g", "3f2504e0-4f89-11d3-9a0c-0305e82c330\u00e9",
        "0000000-00000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "00000000-0000-0000-0000-000000000000",
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c3302", "3f2504e0-4f89-11d3-9a0c-0305e82c33010",
    ];

    [Fact]
    public void Should_Give_Back_The_Text_And_Order_As_The_Texts_Do_When_Guids_And_Other_Ids_Mix()
    {
        // Given: random lowercase GUIDs (some sharing their first half), the odd ids above, and equal ids made apart
        var random = new Random(5);
        string[] ids = [.. Odd, .. Enumerable.Range(0, 300).Select(i => Guid(random, shared: i % 3 == 0)), new string(Odd[^3].AsSpan())];

        // When
        CompactEventId[] compact = [.. ids.Select(CompactEventId.Of)];

        // Then
        Assert.Equal(ids, compact.Select(static c => c.ToString()));
        foreach (int i in Enumerable.Range(0, ids.Length))
        {
            foreach (int j in Enumerable.Range(0, ids.Length))
            {
                Assert.Equal(Math.Sign(string.CompareOrdinal(ids[i], ids[j])), Math.Sign(compact[i].CompareTo(compact[j])));
            }
        }
    }

    private static string Guid(Random random, bool shared)
    {
        const string Hex = "0123456789abcdef";
        char[] chars = [.. Enumerable.Range(0, 36).Select(i => i is 8 or 13 or 18 or 23 ? '-' : Hex[random.Next(16)])];
        if (shared)
        {
            "3f2504e0-4f89-11d3".CopyTo(0, chars, 0, 18);
        }

        return new string(chars);
    }

    [Theory]
    [InlineData("\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("\"3F2504E0-4F89-11D3-9A0C-0305E82C3301\"", "3F2504E0-4F89-11D3-9A0C-0305E82C3301")]
    [InlineData("\"3f2504e0-4f89-11d3-9a0c-0305e82c330\\u0031\"", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("\"3f2504e0-4f89-11d3-9a0c-0305e82c33\u00e9\"", "3f2504e0-4f89-11d3-9a0c-0305e82c33\u00e9")]
    [InlineData("\"e-1\"", "e-1")]
    [InlineData("42", "")]
    [InlineData("null", "")]
    public void Should_Read_The_Id_A_Record_Holds_When_It_Is_A_Guid_Or_Anything_Else(string value, string expected)
    {
        // Given
        using var record = TrailSift.Core.Events.EventRecord.Parse($$"""{"eventID":{{value}},"eventName":"GetObject"}""");

        // When
        CompactEventId id = CompactEventId.Of(record.Root.GetProperty("eventID"u8));

        // Then: the text, ordered as the text read as a string is
        Assert.Equal(expected, id.ToString());
        Assert.Equal(0, id.CompareTo(CompactEventId.Of(expected)));
    }
}
