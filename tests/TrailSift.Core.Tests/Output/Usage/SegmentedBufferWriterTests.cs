using System.Buffers;
using TrailSift.Core.Output.Usage;

namespace TrailSift.Core.Tests.Output.Usage;

/// <summary>
/// The usage printers render each principal into a <see cref="SegmentedBufferWriter"/> and hand its segments over: the
/// bytes written out must be those an <see cref="ArrayBufferWriter{T}"/> holds after the same writes, whatever the sizes.
/// </summary>
public sealed class SegmentedBufferWriterTests
{
    [Theory]
    [InlineData(7, 3_000)]
    [InlineData(11, 40_000)]
    [InlineData(13, 200_000)]
    public void Should_Write_Out_What_An_Array_Buffer_Writer_Holds_When_Writes_Span_Many_Segments(int seed, int maxHint)
    {
        // Given: writes of assorted sizes, some asking for more room than they use, some for more than a segment
        var random = new Random(seed);
        var segmented = new SegmentedBufferWriter();
        for (int round = 0; round < 3; round++)
        {
            var expected = new ArrayBufferWriter<byte>(1);
            for (int i = 0; i < 300; i++)
            {
                int hint = random.Next(0, maxHint);
                int size = Math.Min(hint, random.Next(0, maxHint));
                byte[] bytes = new byte[size];
                random.NextBytes(bytes);
                bytes.CopyTo(expected.GetSpan(hint));
                expected.Advance(size);
                Span<byte> span = i % 2 == 0 ? segmented.GetSpan(hint) : segmented.GetMemory(hint).Span;
                Assert.True(span.Length >= Math.Max(hint, 1));
                bytes.CopyTo(span);
                segmented.Advance(size);
            }

            // When: a few bytes overwritten, then written out past a skipped start
            Assert.Equal(expected.WrittenCount, segmented.WrittenCount);
            byte[] want = expected.WrittenSpan.ToArray();
            foreach (int at in new[] { 0, want.Length / 3, want.Length - 1 })
            {
                want[at] = (byte)(want[at] ^ 0x5a);
                segmented.Set(at, want[at]);
            }

            int from = random.Next(0, want.Length);
            RenderedBytes rendered = segmented.Detach();
            var output = new MemoryStream();
            rendered.WriteTo(output, from);

            // Then: the same bytes, and a fresh writer afterwards
            Assert.Equal(want.Length, rendered.Length);
            Assert.Equal(want.AsSpan(from).ToArray(), output.ToArray());
            Assert.Equal(0, segmented.WrittenCount);
        }
    }

    [Fact]
    public void Should_Forget_What_Was_Written_When_Cleared()
    {
        var segmented = new SegmentedBufferWriter();
        segmented.GetSpan(100_000)[..100_000].Fill(1);
        segmented.Advance(100_000);
        segmented.GetSpan(10).Fill(2);
        segmented.Advance(10);

        segmented.Clear();
        "abc"u8.CopyTo(segmented.GetSpan(3));
        segmented.Advance(3);

        var output = new MemoryStream();
        segmented.Detach().WriteTo(output, 0);
        Assert.Equal("abc"u8.ToArray(), output.ToArray());
    }

    [Fact]
    public void Should_Refuse_To_Advance_Past_Its_Room_When_Misused()
    {
        var segmented = new SegmentedBufferWriter();
        int room = segmented.GetSpan(8).Length;
        Assert.Throws<ArgumentOutOfRangeException>(() => segmented.Advance(room + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => segmented.Advance(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => segmented.Set(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => segmented.Detach().WriteTo(new MemoryStream(), 1));
    }
}
