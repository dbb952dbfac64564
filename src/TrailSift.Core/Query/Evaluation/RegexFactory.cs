using System.Text.RegularExpressions;
using TrailSift.Core.Query.Jq.Support;

namespace TrailSift.Core.Query.Evaluation;

/// <summary>
/// Builds .NET regexes for jq's <c>test(re; flags)</c>. jq uses Oniguruma (Perl syntax); the flags map as
/// g, n, l: no effect on a yes/no test except n (a match must be non-empty); i: IgnoreCase;
/// x: IgnorePatternWhitespace; s: none (Perl already anchors <c>$</c> as .NET does); p: Singleline.
/// </summary>
/// <remarks>Stateless static methods; thread-safe.</remarks>
internal static class RegexFactory
{
    /// <summary>A compiled pattern, or the reason it could not be compiled.</summary>
    internal sealed record CompiledRegex(Regex? Regex, bool NonEmpty, string? Error);

    /// <summary>Checks a flags string; null when valid, else jq's message.</summary>
    public static string? ValidateFlags(string flags, out RegexOptions options, out bool nonEmpty)
    {
        options = RegexOptions.CultureInvariant;
        nonEmpty = false;
        foreach (char c in flags)
        {
            switch (c)
            {
                case 'g': case 'l': case 's': break;
                case 'n': nonEmpty = true; break;
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'x': options |= RegexOptions.IgnorePatternWhitespace; break;
                case 'p': options |= RegexOptions.Singleline; break;
                default: return $"{flags} is not a valid modifier string";
            }
        }

        return null;
    }

    /// <summary>Compiles a pattern with jq flags (not cached; for literal patterns compiled once).</summary>
    public static CompiledRegex Create(string pattern, string flags)
    {
        string? error = ValidateFlags(flags, out RegexOptions options, out bool nonEmpty);
        if (error is not null)
        {
            return new CompiledRegex(null, false, error);
        }

        try
        {
            return new CompiledRegex(new Regex(pattern, options, RegexTimeouts.PerMatch), nonEmpty, null);
        }
        catch (RegexParseException ex)
        {
            return new CompiledRegex(null, false, "invalid regular expression: " + Reason(ex));
        }
    }

    // .NET says "Invalid pattern 'p' at offset 1. Not enough )'s."; keep the reason only.
    private static string Reason(RegexParseException ex)
    {
        string marker = $"at offset {ex.Offset}. ";
        int i = ex.Message.IndexOf(marker, StringComparison.Ordinal);
        return i >= 0 ? ex.Message[(i + marker.Length)..] : ex.Message;
    }
}
