using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;

namespace TrailSift.Cli.Composition;

/// <summary>
/// A command's list of <c>--format</c> values, each with what it selects: the one place a format name is
/// validated, with one error message for every command (<c>--format: expected a, b or c, got 'x'</c>).
/// Aliases are accepted but not listed.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class OutputFormats<T>
{
    private readonly IReadOnlyList<(string Name, T Value, bool Listed)> _choices;

    /// <summary>Creates the list; names are matched case-insensitively.</summary>
    public OutputFormats(params (string Name, T Value)[] choices)
        : this(choices.Select(static c => (c.Name, c.Value, true)).ToList())
    {
    }

    private OutputFormats(IReadOnlyList<(string Name, T Value, bool Listed)> choices)
    {
        _choices = choices;
    }

    /// <summary>The same list with an unlisted alias (e.g. <c>tf</c> for <c>terraform</c>).</summary>
    public OutputFormats<T> WithAlias(string alias, T value) => new([.. _choices, (alias, value, false)]);

    /// <summary>Reads <c>--format</c> (or <paramref name="fallback"/>); false after writing the one error message.</summary>
    public bool TryRead(ParsedArgs args, string fallback, ConsoleReporter reporter, out T format)
    {
        string text = args.Get("format") ?? fallback;
        foreach ((string name, T value, _) in _choices)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                format = value;
                return true;
            }
        }

        var listed = _choices.Where(static c => c.Listed).Select(static c => c.Name).ToList();
        string expected = listed.Count == 1 ? listed[0] : string.Join(", ", listed[..^1]) + " or " + listed[^1];
        reporter.Message($"--format: expected {expected}, got '{text}'");
        format = default!;
        return false;
    }
}
