namespace TrailSift.Core.Query.Jq.Values;

/// <summary>How <see cref="JqJsonWriter"/> prints values (jq's -c, --indent, --tab, -S, -a, -C).</summary>
public sealed record JqWriteOptions
{
    /// <summary>Compact output (<c>-c</c>, <c>tojson</c>).</summary>
    public static readonly JqWriteOptions Compact = new() { Indent = 0 };

    /// <summary>Spaces per level; 0 prints compactly.</summary>
    public int Indent { get; init; } = 2;

    /// <summary>Indent with one tab per level.</summary>
    public bool UseTab { get; init; }

    /// <summary>Sort object keys (<c>-S</c>).</summary>
    public bool SortKeys { get; init; }

    /// <summary>Escape every non-ASCII character (<c>-a</c>).</summary>
    public bool Ascii { get; init; }

    /// <summary>ANSI colour start sequences (without ESC[ and m) for null, false, true, numbers, strings, arrays, objects, object keys; null for no colour.</summary>
    public IReadOnlyList<string>? Colors { get; init; }

    /// <summary>jq 1.7.1's default colours.</summary>
    public static IReadOnlyList<string> DefaultColors { get; } = ["0;90", "0;39", "0;39", "0;39", "0;32", "1;39", "1;39", "1;34"];

    /// <summary>The default colours overridden by a <c>JQ_COLORS</c> value (colon-separated); null when it is invalid.</summary>
    public static IReadOnlyList<string>? ParseColors(string? spec)
    {
        var colors = DefaultColors.ToArray();
        if (string.IsNullOrEmpty(spec))
        {
            return colors;
        }

        string[] parts = spec.Split(':');
        if (parts.Length > colors.Length)
        {
            return null;
        }

        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 12 || parts[i].Any(c => c is not ((>= '0' and <= '9') or ';')))
            {
                return null;
            }

            colors[i] = parts[i];
        }

        return colors;
    }
}
