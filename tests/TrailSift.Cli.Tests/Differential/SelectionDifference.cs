namespace TrailSift.Cli.Tests.Differential;

/// <summary>Where trailsift's printed events first differ from jq's, for one filter.</summary>
internal static class SelectionDifference
{
    /// <summary>A description of the first difference, or null when both print the same events in the same order.</summary>
    public static string? Describe(string filter, IReadOnlyList<string> jq, IReadOnlyList<string> trailsift)
    {
        int at = 0;
        while (at < jq.Count && at < trailsift.Count && jq[at] == trailsift[at])
        {
            at++;
        }

        if (at == jq.Count && at == trailsift.Count)
        {
            return null;
        }

        return $"`{filter}`: jq selects {jq.Count} events, trailsift prints {trailsift.Count}; they first differ at #{at}:\n"
            + $"    jq:        {Shown(jq, at)}\n"
            + $"    trailsift: {Shown(trailsift, at)}";
    }

    private static string Shown(IReadOnlyList<string> events, int at) =>
        at >= events.Count ? "(no more events)"
        : events[at].Length <= 400 ? events[at]
        : events[at][..400] + "...";
}
