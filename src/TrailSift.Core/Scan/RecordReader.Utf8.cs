using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using TrailSift.Core.Events;

namespace TrailSift.Core.Scan;

/// <content>
/// Invalid UTF-8 inside a record's strings (a bit flip, a log written in Latin-1) is replaced with U+FFFD, as jq
/// does, before anything sees the record: output stays valid JSON and the string functions never meet bytes they
/// cannot decode. A valid record costs one vectorised validation pass; a damaged one is copied once.
/// </content>
public sealed partial class RecordReader
{
    private static readonly byte[] Replacement = [0xEF, 0xBF, 0xBD];
    private byte[] _repair = [];

    /// <summary>Invalid UTF-8 sequences replaced with U+FFFD so far (each maximal invalid subsequence counts once).</summary>
    public long Utf8Replacements { get; private set; }

    // Called with every record before it is returned (or looked into).
    private void EnsureValidUtf8(EventRecord record)
    {
        ReadOnlySpan<byte> utf8 = record.Utf8;
        if (utf8.IndexOf("\\u"u8) >= 0)
        {
            // A lone surrogate escape ("\ud800") decodes to no character: it becomes "\ufffd", the same length, in place
            // (the record's bytes are this reader's own buffer).
            Utf8Replacements += ReplaceLoneSurrogateEscapes(MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(utf8), utf8.Length));
        }

        if (Utf8.IsValid(utf8))
        {
            return;
        }

        int worst = checked(utf8.Length * 3);
        if (_repair.Length < worst)
        {
            if (_repair.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_repair);
            }

            _repair = ArrayPool<byte>.Shared.Rent(Math.Max(worst, 4096));
        }

        int n = 0;
        while (!utf8.IsEmpty)
        {
            OperationStatus status = Rune.DecodeFromUtf8(utf8, out _, out int consumed);
            if (status == OperationStatus.Done)
            {
                utf8[..consumed].CopyTo(_repair.AsSpan(n));
                n += consumed;
            }
            else
            {
                Replacement.CopyTo(_repair, n);
                n += Replacement.Length;
                Utf8Replacements++;
            }

            utf8 = utf8[consumed..];
        }

        try
        {
            record.Load(_repair, 0, n);
        }
        catch (JsonException)
        {
            // Invalid bytes can only sit inside strings (the reader rejects them elsewhere), so the structure is unchanged.
            throw new InvalidOperationException("A record changed its structure when invalid UTF-8 was replaced.");
        }
    }

    internal static int ReplaceLoneSurrogateEscapes(Span<byte> json)
    {
        int fixes = 0;
        int i = 0;
        int k;
        while ((k = json[i..].IndexOf("\\u"u8)) >= 0)
        {
            int at = i + k;
            int backslashes = 0;
            for (int j = at - 1; j >= 0 && json[j] == (byte)'\\'; j--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 1 || at + 6 > json.Length)
            {
                i = at + 1; // an escaped backslash followed by 'u', or the end
                continue;
            }

            int unit = Hex4(json.Slice(at + 2, 4));
            if (unit is >= 0xD800 and <= 0xDBFF && at + 12 <= json.Length && json[at + 6] == (byte)'\\' && json[at + 7] == (byte)'u'
                && Hex4(json.Slice(at + 8, 4)) is >= 0xDC00 and <= 0xDFFF)
            {
                i = at + 12; // a pair
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDFFF)
            {
                "fffd"u8.CopyTo(json.Slice(at + 2, 4));
                fixes++;
            }

            i = at + 6;
        }

        return fixes;
    }

    private static int Hex4(ReadOnlySpan<byte> hex)
    {
        int value = 0;
        foreach (byte b in hex)
        {
            int d = b is >= (byte)'0' and <= (byte)'9' ? b - '0' : (b | 0x20) is >= (byte)'a' and <= (byte)'f' ? (b | 0x20) - 'a' + 10 : -1;
            if (d < 0)
            {
                return -1;
            }

            value = (value << 4) | d;
        }

        return value;
    }
}
