using TrailSift.Core.Commands;

namespace TrailSift.Cli.Settings;

/// <summary>The raw result of parsing a command line against option declarations (stage one: no meaning yet).</summary>
/// <remarks>Mutable while parsing; read-only afterwards.</remarks>
public sealed class ParsedArgs : IAnalysisOptions
{
    private readonly Dictionary<string, List<string?>> _values = new(StringComparer.Ordinal);

    /// <summary>Arguments that are not options, in order (those after <c>--</c> included).</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>
    /// How many of <see cref="Positionals"/> came before a <c>--</c> separator, or -1 without one. The arguments after
    /// it are passed through untouched (<c>record -- COMMAND ARGS</c>): <see cref="PassThrough"/>.
    /// </summary>
    public int SeparatorIndex { get; internal set; } = -1;

    /// <summary>The arguments after <c>--</c>, untouched (empty without a separator).</summary>
    public IReadOnlyList<string> PassThrough => SeparatorIndex < 0 ? [] : Positionals.GetRange(SeparatorIndex, Positionals.Count - SeparatorIndex);

    internal void Add(string name, string? value)
    {
        if (!_values.TryGetValue(name, out List<string?>? list))
        {
            _values[name] = list = [];
        }

        list.Add(value);
    }

    /// <summary>The options given, in first-use order, each with its values as given (null for a switch without one).</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyList<string?>>> Options =>
        _values.Select(p => new KeyValuePair<string, IReadOnlyList<string?>>(p.Key, p.Value));

    /// <summary>True when the option was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The last value of a single-valued option.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out List<string?>? list) ? list[^1] : null;

    /// <summary>All values of a repeated option as given (no comma splitting: for free text).</summary>
    public IReadOnlyList<string> GetAllRaw(string name)
    {
        var all = new List<string>();
        if (_values.TryGetValue(name, out List<string?>? list))
        {
            foreach (string? v in list)
            {
                if (v is not null)
                {
                    all.Add(v);
                }
            }
        }

        return all;
    }

    /// <summary>All values of a repeated option, comma lists split.</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        if (!_values.TryGetValue(name, out List<string?>? list))
        {
            return [];
        }

        var all = new List<string>();
        foreach (string? v in list)
        {
            if (v is null)
            {
                continue;
            }

            foreach (string part in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                all.Add(part);
            }
        }

        return all;
    }

    /// <summary>A copy without option <paramref name="name"/> (a command that reads an option its own way hides it from the scan plan).</summary>
    public ParsedArgs Without(string name)
    {
        var copy = new ParsedArgs();
        copy.Positionals.AddRange(Positionals);
        foreach ((string key, List<string?> values) in _values)
        {
            if (key != name)
            {
                copy._values[key] = [.. values];
            }
        }

        return copy;
    }
}
