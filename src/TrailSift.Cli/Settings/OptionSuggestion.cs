namespace TrailSift.Cli.Settings;

/// <summary>"Did you mean" for a mistyped long option: the nearest option name within two edits.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class OptionSuggestion
{
    /// <summary><c> (did you mean '--x'?)</c>, or empty when no option is near <paramref name="word"/> (<c>--name</c> or <c>--name=value</c>).</summary>
    public static string For(CliCommand command, string word)
    {
        string typed = word.Split('=')[0];
        CliOption? best = null;
        int bestDistance = int.MaxValue;
        foreach (CliOption option in command.Declared)
        {
            int d = Distance(option.Name, typed);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = option;
            }
        }

        return best is not null && bestDistance <= 2 ? $" (did you mean '{best.Name}'?)" : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }
}
