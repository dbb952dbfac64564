using System.Buffers;
using TrailSift.Core.Output.Usage;

namespace TrailSift.Core.Tests.Output.Usage;

/// <summary>
/// The usage printers render each principal into a <see cref="PooledBufferWriter"/> and hand its array over: the bytes
/// must be those an <see cref="ArrayBufferWriter{T}"/> holds after the same writes, however the writes grow it.
/// </summary>
public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Should_Hand_Over_What_An_Array_Buffer_Writer_Holds_When_Writes_Grow_It_Many_Times()
    {
        // Given: writes of assorted sizes, some asking for more room than they use, past several doublings
        var random = new Random(7);
        var pooled = new PooledBufferWriter(16);
        for (int round = 0; round < 3; round++)
        {
            var expected = new ArrayBufferWriter<byte>(1);
            pooled.Clear();
            for (int i = 0; i < 400; i++)
            {
                int hint = random.Next(0, 3000);
                int size = Math.Min(hint, random.Next(0, 3000));
                byte value = (byte)random.Next(256);
                expected.GetSpan(hint)[..size].Fill(value);
                expected.Advance(size);
                Span<byte> span = i % 2 == 0 ? pooled.GetSpan(hint) : pooled.GetMemory(hint).Span;
                Assert.True(span.Length >= Math.Max(hint, 1));
                span[..size].Fill(value);
                pooled.Advance(size);
            }

            // When
            Assert.Equal(expected.WrittenCount, pooled.WrittenCount);
            byte[] array = pooled.Detach(out int written);

            // Then: the same bytes, and a fresh writer afterwards
            Assert.Equal(expected.WrittenSpan.ToArray(), array.AsSpan(0, written).ToArray());
            Assert.Equal(0, pooled.WrittenCount);
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    [Fact]
    public void Should_Refuse_To_Advance_Past_Its_Room_When_Misused()
    {
        var pooled = new PooledBufferWriter(16);
        int room = pooled.GetSpan(8).Length;
        Assert.Throws<ArgumentOutOfRangeException>(() => pooled.Advance(room + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => pooled.Advance(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => pooled.Set(0, 1));
    }
}
