using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TrailSift.Core.Query.Jq.Support;

/// <summary>
/// jq's regular expressions (Oniguruma, Perl_NT syntax, UTF-8) on .NET: <see cref="Compile"/> translates a pattern
/// and jq's modifier string to an equivalent <see cref="System.Text.RegularExpressions.Regex"/> or says why it cannot
/// (jq's own error text, or a refusal naming the construct); <see cref="Match"/> reproduces the array jq 1.7.1's
/// <c>match</c> builds (code point offsets, capture objects, the global loop with its empty-match rules), on which
/// jq defines <c>test</c>, <c>capture</c>, <c>scan</c>, <c>splits</c>, <c>sub</c> and <c>gsub</c>.
/// Translated classes (<c>\w</c>, <c>\d</c>, <c>\s</c>, POSIX brackets, <c>\p{...}</c>) use code point tables
/// generated from jq 1.7.1 itself (tests/tools/onig-tables.js).
/// </summary>
public static class OnigurumaRegex
{
    /// <summary>How long one match may run before it fails with <see cref="RegexMatchTimeoutException"/> (2 s; see <see cref="RegexTimeouts"/>).</summary>
    public static TimeSpan DefaultTimeout => RegexTimeouts.PerMatch;

    private const int CacheLimit = 512;
    private static readonly ConcurrentDictionary<(string Pattern, string? Flags), OnigurumaRegexResult> Cache = new();

    /// <summary>
    /// Translates <paramref name="pattern"/> with jq's <paramref name="flags"/> (null or a string of
    /// <c>g i x n s m p l</c>). Results are cached. Never throws for bad input: see <see cref="OnigurumaRegexResult.Status"/>.
    /// </summary>
    public static OnigurumaRegexResult Compile(string pattern, string? flags)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (Cache.TryGetValue((pattern, flags), out OnigurumaRegexResult? cached))
        {
            return cached;
        }

        OnigurumaRegexResult result = CompileUncached(pattern, flags);
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[(pattern, flags)] = result;
        return result;
    }

    /// <summary>Parses jq's modifier string; null when it holds a letter jq does not know.</summary>
    public static OnigurumaModifiers? ParseModifiers(string? flags)
    {
        var m = OnigurumaModifiers.None;
        foreach (char c in flags ?? string.Empty)
        {
            m |= c switch
            {
                'g' => OnigurumaModifiers.Global,
                'i' => OnigurumaModifiers.IgnoreCase,
                'x' => OnigurumaModifiers.Extended,
                'm' => OnigurumaModifiers.DotAll,
                's' => OnigurumaModifiers.SingleLine,
                'p' => OnigurumaModifiers.DotAll | OnigurumaModifiers.SingleLine,
                'l' => OnigurumaModifiers.Longest,
                'n' => OnigurumaModifiers.NotEmpty,
                _ => (OnigurumaModifiers)(-1),
            };
            if (m == (OnigurumaModifiers)(-1))
            {
                return null;
            }
        }

        return m;
    }

    private static OnigurumaRegexResult CompileUncached(string pattern, string? flags)
    {
        if (ParseModifiers(flags) is not { } modifiers)
        {
            return new OnigurumaRegexResult(OnigurumaRegexStatus.JqError, null, OnigurumaModifiers.None, [],
                flags + " is not a valid modifier string", -1);
        }

        if ((modifiers & OnigurumaModifiers.Longest) != 0)
        {
            return new OnigurumaRegexResult(OnigurumaRegexStatus.Unsupported, null, modifiers, [],
                "the regex modifier l (longest match) is not supported", -1);
        }

        try
        {
            (string translated, IReadOnlyList<string?> names) = OnigurumaTranslator.Translate(pattern, modifiers);
            var regex = new Regex(translated, RegexOptions.CultureInvariant, DefaultTimeout);
            return new OnigurumaRegexResult(OnigurumaRegexStatus.Compiled, regex, modifiers, names, null, -1);
        }
        catch (OnigurumaTranslationException e)
        {
            return new OnigurumaRegexResult(e.Status, null, modifiers, [], e.Message, e.Offset);
        }
        catch (ArgumentException e)
        {
            // The translation produced something .NET rejects: never guess, refuse.
            return new OnigurumaRegexResult(OnigurumaRegexStatus.Unsupported, null, modifiers, [],
                "this regex could not be translated to .NET (" + e.Message + ")", -1);
        }
    }

    /// <summary>
    /// jq's <c>match</c>: the matches of a compiled regex in <paramref name="input"/>, all of them when the <c>g</c>
    /// modifier was given, else at most one. Throws <see cref="RegexMatchTimeoutException"/> when a match runs longer
    /// than <see cref="DefaultTimeout"/> (report it; never treat it as no match), and
    /// <see cref="NotSupportedException"/> in the one case TrailSift cannot reproduce (a non-empty match starting
    /// inside a multi-byte character, after an empty match).
    /// </summary>
    public static IReadOnlyList<JqRegexMatch> Match(OnigurumaRegexResult compiled, string input) =>
        OnigurumaMatcher.Matches(compiled, input, (compiled.Modifiers & OnigurumaModifiers.Global) != 0);

    /// <summary>jq's <c>test</c>: true when the regex matches somewhere in <paramref name="input"/>.</summary>
    public static bool Test(OnigurumaRegexResult compiled, string input)
    {
        Regex regex = compiled.Regex ?? throw new InvalidOperationException("The regex did not compile: " + compiled.Error);
        return RegexTimeouts.Current(regex).IsMatch(input);
    }
}
