using System.Globalization;

namespace TrailSift.Core.Output.Recording;

/// <summary>
/// <c>record</c>'s closing report on standard error: where COMMAND's calls were seen, then one line per region named
/// with <c>--region</c>, or (without <c>--region</c>) per region COMMAND called, us-east-1 and every region not complete;
/// the other complete regions in one line; the regions that refused the credentials; an interruption.
/// </summary>
/// <param name="Discovered">True when the regions were not named (<c>--region</c> absent): the quiet complete ones share a line.</param>
/// <param name="CallRegions">The regions of the run's events.</param>
/// <param name="Complete">Each watched region and whether its sentinel was delivered, in report order.</param>
/// <param name="Errors">The last failed lookup of a region, if any.</param>
/// <param name="Refused">The regions that refused the credentials, with why.</param>
/// <param name="Interrupted">The signal that interrupted the recording, if any.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record RegionReport(bool Discovered, IReadOnlySet<string> CallRegions, IReadOnlyDictionary<string, bool> Complete,
    IReadOnlyDictionary<string, string> Errors, IReadOnlyDictionary<string, string> Refused, string? Interrupted)
{
    /// <summary>True when the recording may miss calls: interrupted, or a region's sentinel not delivered.</summary>
    public bool Incomplete => Interrupted is not null || Complete.Values.Any(c => !c);

    /// <summary>Writes the report; <paramref name="terminal"/> ends the progress line first.</summary>
    public void Write(TextWriter stderr, bool terminal)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (terminal)
        {
            stderr.WriteLine();
        }

        if (Discovered)
        {
            stderr.WriteLine(CallRegions.Count == 0
                ? "trailsift record: no call of COMMAND was seen in any region"
                : $"trailsift record: COMMAND's calls were seen in {string.Join(", ", CallRegions)}");
        }

        var quiet = new List<string>();
        foreach ((string region, bool complete) in Complete)
        {
            if (Discovered && complete && !CallRegions.Contains(region) && region != "us-east-1")
            {
                quiet.Add(region);
                continue;
            }

            string error = Errors.TryGetValue(region, out string? e) ? $"; last lookup failed: {e}" : string.Empty;
            string why = Interrupted is { } signal ? $"the recording was interrupted by {signal} before its sentinel arrived" : "the sentinel was not delivered by the deadline";
            stderr.WriteLine(complete
                ? $"trailsift record: {region}: complete (sentinel delivered)"
                : $"trailsift record: {region}: INCOMPLETE: {why}; calls made there may be missing{error}");
        }

        if (quiet.Count > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trailsift record: {quiet.Count} other regions complete (sentinel delivered), without calls of COMMAND: {string.Join(", ", quiet)}"));
        }

        foreach ((string region, string why) in Refused)
        {
            stderr.WriteLine($"trailsift record: {region}: not watched: the region refused the credentials or has no reachable endpoint ({why}): "
                + "COMMAND's calls there failed the same way, and CloudTrail does not log those");
        }

        if (Interrupted is { } s)
        {
            stderr.WriteLine($"trailsift record: INTERRUPTED by {s}: the recording holds what CloudTrail had delivered by then");
        }
    }
}
