namespace TrailSift.Core.Iam.Generalization;

/// <content>
/// Name boundaries, generated-id tokens and the stem cut: how a shared prefix is shortened to a stable
/// name stem (see the rule on <see cref="ResourceGeneralizer"/>).
/// </content>
public static partial class ResourceGeneralizer
{
    /// <summary>Characters that end a name token.</summary>
    internal static bool IsBoundary(char c) => c is '-' or '_' or '/' or ':' or '.';

    /// <summary>Characters that separate path levels; IAM's <c>*</c> also matches them.</summary>
    internal static bool IsPathSeparator(char c) => c is '/' or ':';

    /// <summary>
    /// Shortens <paramref name="prefix"/> (which ends with a boundary) to a stable stem by dropping, from the
    /// right, generated-id tokens and the id-kind abbreviation (<c>j-</c>, <c>i-</c>, <c>sg-</c>) in front of a
    /// generated id. In safe mode it never drops across a path separator. Returns the stem length, or
    /// <paramref name="floor"/> or less when nothing name-like is left.
    /// </summary>
    internal static int CutToStem(string prefix, int length, int floor, IReadOnlyList<string> members, bool crossSegments)
    {
        int carriedDigits = 0, carriedHex = 0;
        while (length > floor)
        {
            char end = prefix[length - 1];
            if (!crossSegments && IsPathSeparator(end))
            {
                break;
            }

            int start = TokenStart(prefix, length - 1, floor);
            ReadOnlySpan<char> token = prefix.AsSpan(start, length - 1 - start);
            if (token.Length == 0)
            {
                break;
            }

            int digits = IsDigits(token) ? token.Length + carriedDigits + RunToLeft(prefix, start, floor, hex: false) : 0;
            int hex = IsHexWithDigit(token) ? token.Length + carriedHex + RunToLeft(prefix, start, floor, hex: true) : 0;
            bool generated = IsOpaqueId(token) || (IsHexWithDigit(token) && token.Length >= 8) || digits >= 4 || (token.Length >= 4 && hex >= 8);
            if (generated)
            {
                carriedDigits = IsDigits(token) ? carriedDigits + token.Length : 0;
                carriedHex = IsHexWithDigit(token) ? carriedHex + token.Length : 0;
                length = start;
                continue;
            }

            if (end == '-' && IsIdKind(token) && AllRemaindersStartWithId(length, members))
            {
                carriedDigits = carriedHex = 0;
                length = start;
                continue;
            }

            break;
        }

        return length;
    }

    /// <summary>True for a token that is a generated id on its own: see <see cref="IsOpaqueId"/>, 8+ hex with a digit, or 4+ digits.</summary>
    internal static bool IsIdToken(ReadOnlySpan<char> token) =>
        IsOpaqueId(token) || (IsHexWithDigit(token) && token.Length >= 8) || (IsDigits(token) && token.Length >= 4);

    /// <summary>Letters and digits with at least one of each, 10+ long, or 8+ long without lower-case letters (EMR <c>2AXXXXXXGAPLF</c>, IAM unique ids).</summary>
    private static bool IsOpaqueId(ReadOnlySpan<char> token)
    {
        if (token.Length < 8)
        {
            return false;
        }

        bool digit = false, letter = false, lower = false;
        foreach (char c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (char.IsAsciiLetter(c))
            {
                letter = true;
                lower |= char.IsAsciiLetterLower(c);
            }
            else
            {
                return false;
            }
        }

        return digit && letter && (token.Length >= 10 || !lower);
    }

    /// <summary>An id-kind abbreviation: 1 to 4 lower-case letters (<c>i</c>, <c>j</c>, <c>sg</c>, <c>vol</c>, <c>snap</c>).</summary>
    private static bool IsIdKind(ReadOnlySpan<char> token)
    {
        if (token.Length is < 1 or > 4)
        {
            return false;
        }

        foreach (char c in token)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllRemaindersStartWithId(int length, IReadOnlyList<string> members)
    {
        foreach (string m in members)
        {
            ReadOnlySpan<char> rest = m.AsSpan(length);
            int end = 0;
            while (end < rest.Length && !IsBoundary(rest[end]))
            {
                end++;
            }

            // An AWS id "<kind>-<random>" is a whole name: the id must end the value or its path level.
            if (!IsIdToken(rest[..end]) || (end < rest.Length && !IsPathSeparator(rest[end])))
            {
                return false;
            }
        }

        return members.Count > 0;
    }

    /// <summary>Start of the token that ends just before <paramref name="end"/> (a boundary index), not before <paramref name="floor"/>.</summary>
    private static int TokenStart(string text, int end, int floor)
    {
        int i = end;
        while (i > floor && !IsBoundary(text[i - 1]))
        {
            i--;
        }

        return i;
    }

    /// <summary>Characters in the run of digit-only (or hex-with-digit) tokens directly left of <paramref name="start"/>, within one path segment.</summary>
    private static int RunToLeft(string text, int start, int floor, bool hex)
    {
        int total = 0;
        while (start - 1 > floor && !IsPathSeparator(text[start - 1]))
        {
            int tokenStart = TokenStart(text, start - 1, floor);
            ReadOnlySpan<char> token = text.AsSpan(tokenStart, start - 1 - tokenStart);
            if (token.Length == 0 || !(hex ? IsHexWithDigit(token) : IsDigits(token)))
            {
                break;
            }

            total += token.Length;
            start = tokenStart;
        }

        return total;
    }

    private static bool IsDigits(ReadOnlySpan<char> token) => token.Length > 0 && !token.ContainsAnyExceptInRange('0', '9');

    private static bool IsHexWithDigit(ReadOnlySpan<char> token)
    {
        bool digit = false;
        foreach (char c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return digit;
    }
}
