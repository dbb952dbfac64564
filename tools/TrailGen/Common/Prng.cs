namespace TrailSift.Tools.TrailGen.Common;

/// <summary>
/// A small seeded generator (xoshiro256** seeded through SplitMix64) whose output is fixed by this file alone,
/// so generated trails stay byte-identical across .NET versions (System.Random makes no such promise).
/// </summary>
/// <remarks>Not thread-safe: give each worker or file its own instance (see <see cref="Derive"/>).</remarks>
public sealed class Prng
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string UpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Hex = "0123456789abcdef";
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator from a seed.</summary>
    public Prng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator for a sub-stream named by <paramref name="parts"/>, independent of call order.</summary>
    public static Prng Derive(ulong seed, params long[] parts)
    {
        ulong h = seed ^ 0x9E3779B97F4A7C15UL;
        foreach (long p in parts)
        {
            h ^= (ulong)p;
            h = SplitMix(ref h);
        }

        return new Prng(h);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A value in [0, <paramref name="max"/>).</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)((NextUInt64() >> 33) % (ulong)max);

    /// <summary>A value in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>One element of <paramref name="items"/>.</summary>
    public T Pick<T>(T[] items) => items[Next(items.Length)];

    /// <summary>Random characters from A-Z, a-z, 0-9 (CloudTrail object-name suffixes).</summary>
    public string Alphanumeric(int length) => Chars(Alnum, length);

    /// <summary>Random characters from A-Z, 0-9 (EMR cluster ids, access key ids).</summary>
    public string UpperAlphanumeric(int length) => Chars(UpperAlnum, length);

    /// <summary>Random lower-case hex digits.</summary>
    public string HexString(int length) => Chars(Hex, length);

    /// <summary>Random upper-case hex digits (S3 request ids).</summary>
    public string UpperHex(int length) => HexString(length).ToUpperInvariant();

    /// <summary>A version-4 UUID in canonical form.</summary>
    public string Uuid()
    {
        Span<char> c = stackalloc char[36];
        ulong a = NextUInt64(), b = NextUInt64();
        int bit = 0;
        for (int i = 0; i < 36; i++)
        {
            if (i is 8 or 13 or 18 or 23)
            {
                c[i] = '-';
                continue;
            }

            int nibble = bit < 64 ? (int)((a >> bit) & 0xF) : (int)((b >> (bit - 64)) & 0xF);
            bit += 4;
            c[i] = i == 14 ? '4' : i == 19 ? Hex[8 | (nibble & 3)] : Hex[nibble];
        }

        return new string(c);
    }

    private string Chars(string alphabet, int length)
    {
        Span<char> c = length <= 256 ? stackalloc char[length] : new char[length];
        for (int i = 0; i < length; i++)
        {
            c[i] = alphabet[Next(alphabet.Length)];
        }

        return new string(c);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
