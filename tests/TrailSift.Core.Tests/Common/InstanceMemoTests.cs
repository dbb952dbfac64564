using TrailSift.Core.Common;

namespace TrailSift.Core.Tests.Common;

/// <summary>
/// <see cref="InstanceMemo{TValue}"/> answers only for the very instance a value was remembered for (an equal string
/// made apart is a miss, never another string's value), and stays bounded: a slot keeps the last string.
/// </summary>
public sealed class InstanceMemoTests
{
    [Fact]
    public void Should_Answer_For_The_Same_Instance_Only_When_Many_Strings_Share_Few_Slots()
    {
        // Given a memo of 4 slots and 100 strings remembered in turn
        var memo = new InstanceMemo<int>(4);
        string[] keys = [.. Enumerable.Range(0, 100).Select(i => "key-" + i)];
        for (int i = 0; i < keys.Length; i++)
        {
            memo.Set(keys[i], i);
        }

        // When each is asked again, and an equal copy of each
        for (int i = 0; i < keys.Length; i++)
        {
            // Then a hit gives that string's own value, and a copy is never a hit
            if (memo.TryGet(keys[i], out int value))
            {
                Assert.Equal(i, value);
            }

            Assert.False(memo.TryGet(new string(keys[i].AsSpan()), out _));
        }

        Assert.True(memo.TryGet(keys[^1], out int last));
        Assert.Equal(99, last);
    }

    [Fact]
    public void Should_Make_A_Value_Once_Per_Instance_And_Again_For_An_Equal_Copy_When_Getting_Or_Adding()
    {
        // Given a memo and a counter of the values made
        var memo = new InstanceMemo<string>(8);
        string key = "arn:aws:iam::123456789012:role/a";
        int made = 0;

        // When the same instance is asked twice, then an equal copy
        string first = memo.GetOrAdd(key, 0, (k, _) => { made++; return k + "!"; });
        string again = memo.GetOrAdd(key, 0, (k, _) => { made++; return "other"; });
        string copy = memo.GetOrAdd(new string(key.AsSpan()), 0, (k, _) => { made++; return k + "?"; });

        // Then the instance's value is made once; the copy gets its own
        Assert.Equal([key + "!", key + "!", key + "?"], [first, again, copy]);
        Assert.Equal(2, made);
    }
}
