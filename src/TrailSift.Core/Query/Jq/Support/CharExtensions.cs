namespace TrailSift.Core.Query.Jq.Support;

/// <summary>Code point helpers for pattern parsing.</summary>
internal static class CharExtensions
{
    /// <summary>The code point at <paramref name="index"/> (a surrogate pair counts as one) and its UTF-16 width.</summary>
    public static int ConvertToUtf32IfPair(string s, int index, out int width)
    {
        if (char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(s[index], s[index + 1]);
        }

        width = 1;
        return s[index];
    }
}
