using System.Text;

namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// Bytes to a string the way jq 1.7.1 repairs invalid UTF-8 (jv_unicode.c, <c>jvp_utf8_next</c>): each invalid
/// sequence becomes one U+FFFD, and a lead byte whose sequence would run past the end takes every remaining byte with
/// it (so "\x9e\xe9e" is two U+FFFD, not two and an "e" as .NET's decoder gives).
/// </summary>
internal static class JqUtf8
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        int i = 0;
        while (i < bytes.Length)
        {
            byte first = bytes[i];
            int length = CodingLength(first);
            int codepoint = -1;
            if (first < 0x80)
            {
                codepoint = first;
                length = 1;
            }
            else if (length <= 1)
            {
                length = 1; // an invalid byte or a continuation byte out of place
            }
            else if (i + length > bytes.Length)
            {
                length = bytes.Length - i; // the string ends inside the sequence
            }
            else
            {
                codepoint = first & (0xFF >> (length + 1));
                for (int k = 1; k < length; k++)
                {
                    byte ch = bytes[i + k];
                    if ((ch & 0xC0) != 0x80)
                    {
                        codepoint = -1;
                        length = k;
                        break;
                    }

                    codepoint = (codepoint << 6) | (ch & 0x3F);
                }

                int min = length switch { 2 => 0x80, 3 => 0x800, _ => 0x10000 };
                if (codepoint < min || codepoint is >= 0xD800 and <= 0xDFFF || codepoint > 0x10FFFF)
                {
                    codepoint = -1;
                }
            }

            sb.Append(codepoint < 0 ? "\uFFFD" : char.ConvertFromUtf32(codepoint));
            i += length;
        }

        return sb.ToString();
    }

    // jq's utf8_coding_length: 1 for ASCII, 0 for continuation and invalid bytes (both taken alone), else the length.
    private static int CodingLength(byte b) => b switch
    {
        < 0x80 => 1,
        < 0xC2 => 0,
        < 0xE0 => 2,
        < 0xF0 => 3,
        < 0xF5 => 4,
        _ => 0,
    };
}
