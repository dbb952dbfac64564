using System.IO.Hashing;

namespace TrailSift.Core.Sources;

/// <summary>
/// Checks that a gzip stream ended at the end of a whole member. .NET's <c>GZipStream</c> reads every member
/// of a multi-member file and verifies the CRC-32 and size of each member whose trailer it reaches, but
/// returns end-of-stream without complaint when the input stops inside a member. Each of its reads ends at a
/// member boundary at the latest, so this class keeps the running CRC-32 of the decoded data at recent read
/// boundaries; at the end, the last member's trailer (CRC-32, ISIZE) must match the decoded bytes since one
/// of them: <c>crc(last) = crc(all) xor crc(prefix)·x^(8·ISIZE)</c> (zlib's <c>crc32_combine</c> inverted).
/// </summary>
/// <remarks>Mutable; not thread-safe.</remarks>
internal sealed class GzipMemberCheck
{
    // Recent read boundaries kept (the ring grows to this): at about 13 KB decoded per GZipStream read this covers
    // a last member of several hundred MB; the start of the stream is always known, so a single-member file of any
    // size is checked.
    private const int Window = 65536;
    private const uint Poly = 0xEDB88320;
    private static readonly uint[] X2n = BuildX2nTable();

    private readonly Crc32 _crc = new();
    private long[] _offsets = new long[64];
    private uint[] _crcs = new uint[64];
    private int _next;
    private int _count;

    /// <summary>Decoded bytes seen.</summary>
    public long Length { get; private set; }

    /// <summary>Adds the bytes one read of the decompressor returned.</summary>
    public void Append(ReadOnlySpan<byte> decoded)
    {
        if (decoded.IsEmpty)
        {
            return;
        }

        _crc.Append(decoded);
        Length += decoded.Length;
        if (_count == _offsets.Length && _count < Window)
        {
            // Still in order (the ring has not wrapped): grow it.
            Array.Resize(ref _offsets, _count * 2);
            Array.Resize(ref _crcs, _count * 2);
            _next = _count;
        }

        _offsets[_next] = Length;
        _crcs[_next] = _crc.GetCurrentHashAsUInt32();
        _next = (_next + 1) % _offsets.Length;
        _count = Math.Min(_count + 1, _offsets.Length);
    }

    /// <summary>True when the stream's last 8 stored bytes are the trailer of a member that ends with the data.</summary>
    public bool EndsWithWholeMember(uint trailerCrc, uint trailerSize)
    {
        uint all = _crc.GetCurrentHashAsUInt32();
        // The last member's decoded length is ISIZE plus a multiple of 2^32; try each start it allows.
        for (long length = trailerSize; length <= Length; length += 1L << 32)
        {
            long start = Length - length;
            if (PrefixCrcAt(start) is uint prefix && (all ^ Shift(prefix, length)) == trailerCrc)
            {
                return true;
            }
        }

        return false;
    }

    private uint? PrefixCrcAt(long offset)
    {
        if (offset == 0)
        {
            return 0;
        }

        for (int k = 1; k <= _count; k++)
        {
            int i = (_next - k + _offsets.Length) % _offsets.Length;
            if (_offsets[i] == offset)
            {
                return _crcs[i];
            }

            if (_offsets[i] < offset)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The CRC register <paramref name="crc"/> advanced over <paramref name="length"/> zero bytes (without conditioning).</summary>
    internal static uint Shift(uint crc, long length) => MultModP(X2nModP(length, 3), crc);

    private static uint MultModP(uint a, uint b)
    {
        uint m = 1u << 31;
        uint p = 0;
        while (true)
        {
            if ((a & m) != 0)
            {
                p ^= b;
                if ((a & (m - 1)) == 0)
                {
                    break;
                }
            }

            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ Poly : b >> 1;
        }

        return p;
    }

    private static uint X2nModP(long n, int k)
    {
        uint p = 1u << 31;
        while (n != 0)
        {
            if ((n & 1) != 0)
            {
                p = MultModP(X2n[k & 31], p);
            }

            n >>= 1;
            k++;
        }

        return p;
    }

    private static uint[] BuildX2nTable()
    {
        var table = new uint[32];
        uint p = 1u << 30;
        table[0] = p;
        for (int n = 1; n < 32; n++)
        {
            table[n] = p = MultModP(p, p);
        }

        return table;
    }
}
