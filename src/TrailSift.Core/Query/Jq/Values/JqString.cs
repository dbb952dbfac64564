namespace TrailSift.Core.Query.Jq.Values;

/// <summary>A jq string (UTF-16 here; lengths and slices count code points as jq does).</summary>
public sealed class JqString(string value) : JqValue
{
    /// <summary>A new empty string (a new value each time, as jq allocates one: path expressions compare values by identity).</summary>
    public static JqString Empty => new(string.Empty);

    /// <summary>The text.</summary>
    public string Value { get; } = value;

    /// <inheritdoc />
    public override JqKind Kind => JqKind.String;

    /// <summary>The number of Unicode code points.</summary>
    public int CodepointLength
    {
        get
        {
            string s = Value;
            int n = s.Length;
            for (int i = 0; i < s.Length - 1; i++)
            {
                if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
                {
                    n--;
                    i++;
                }
            }

            return n;
        }
    }
}
