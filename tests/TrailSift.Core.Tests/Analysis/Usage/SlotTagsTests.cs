using TrailSift.Core.Analysis.Usage;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The tagged slots of the scan's open-addressing tables (<see cref="SlotTags"/>): a slot always gives back its entry and
/// never turns away its own hash, whatever the table's length, so a lookup finds exactly what it found without tags.
/// </summary>
public sealed class SlotTagsTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(1 << 20)]
    [InlineData(1 << 30)]
    public void Should_Give_Back_The_Entry_And_Accept_Its_Own_Hash_When_The_Index_Fits_The_Table(int length)
    {
        // Given: entries up to the table's length (index + 1 at most the length), with hashes of every bit pattern
        var random = new Random(length);
        uint indexMask = SlotTags.IndexMask(length);
        int[] indexes = [0, 1, length / 2, length - 1, random.Next(length)];
        int[] hashes = [0, -1, int.MinValue, int.MaxValue, random.Next(int.MinValue, int.MaxValue)];

        foreach (int index in indexes)
        {
            foreach (int hash in hashes)
            {
                // When
                uint slot = SlotTags.Slot(index, hash, indexMask);

                // Then: full, the same entry, never rejected for its own hash
                Assert.NotEqual(0u, slot);
                Assert.Equal(index, SlotTags.Index(slot, indexMask));
                Assert.True(SlotTags.MayHold(slot, hash, indexMask));
            }
        }
    }

    [Fact]
    public void Should_Turn_Away_A_Hash_Whose_High_Bits_Differ()
    {
        // Given: a small table, where the tag is most of the hash
        uint indexMask = SlotTags.IndexMask(16);
        uint slot = SlotTags.Slot(3, 0x1234_5670, indexMask);

        // When / Then: the same low bits (the same position) but other high bits is no match; the same hash is
        Assert.False(SlotTags.MayHold(slot, 0x7234_5670, indexMask));
        Assert.True(SlotTags.MayHold(slot, 0x1234_5670, indexMask));
    }
}
