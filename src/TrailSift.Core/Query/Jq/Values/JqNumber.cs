namespace TrailSift.Core.Query.Jq.Values;

/// <summary>A jq number: a double, plus the canonical literal text while the number is unchanged (jq 1.7 keeps literals).</summary>
public sealed class JqNumber : JqValue
{
    private static readonly JqNumber[] Small = CreateSmall();

    /// <summary>A number computed by arithmetic.</summary>
    public JqNumber(double value) => Value = value;

    /// <summary>A number read from JSON or a program literal; <paramref name="literal"/> is its canonical text.</summary>
    public JqNumber(double value, string? literal)
    {
        Value = value;
        Literal = literal;
    }

    /// <summary>The value as a double (clamped to ±<see cref="double.MaxValue"/> for huge literals).</summary>
    public double Value { get; }

    /// <summary>The canonical literal text (decNumber's to-scientific-string), or null for computed numbers.</summary>
    public string? Literal { get; }

    /// <inheritdoc />
    public override JqKind Kind => JqKind.Number;

    /// <summary>A computed number, shared for small integers.</summary>
    public static JqNumber Of(double d)
    {
        if (d >= 0 && d < Small.Length && d == Math.Floor(d) && !(d == 0 && double.IsNegative(d)))
        {
            return Small[(int)d];
        }

        return new JqNumber(d);
    }

    /// <summary>A number from literal text (JSON or program), keeping the text when it differs from the double's form.</summary>
    public static JqNumber FromLiteral(ReadOnlySpan<char> text)
    {
        double d = double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        if (double.IsInfinity(d))
        {
            d = double.IsNegative(d) ? -double.MaxValue : double.MaxValue;
        }

        string canonical = JqNumberText.CanonicalLiteral(text);
        return new JqNumber(d, canonical);
    }

    private static JqNumber[] CreateSmall()
    {
        var a = new JqNumber[256];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = new JqNumber(i);
        }

        return a;
    }
}
