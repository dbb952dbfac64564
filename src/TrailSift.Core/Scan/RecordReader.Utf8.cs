using System.Buffers;
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

    // Called with every record before it is returned.
    private void EnsureValidUtf8(EventRecord record)
    {
        ReadOnlySpan<byte> utf8 = record.Utf8;
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
}
