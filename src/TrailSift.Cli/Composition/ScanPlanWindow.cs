using System.Globalization;
using TrailSift.Cli.Settings;
using TrailSift.Core.Sources;

namespace TrailSift.Cli.Composition;

/// <summary>Reads the pruning options every scan and <c>sync</c> share: <c>--since</c>/<c>--until</c>, <c>--account</c>, <c>--region</c>, <c>--delivery-delay</c>.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class ScanPlanWindow
{
    /// <summary>The pruning options, or null after a usage error was passed to <paramref name="usage"/>.</summary>
    public static PruneOptions? Read(ParsedArgs args, DateTimeOffset now, Action<string> usage)
    {
        DateTimeOffset? since = null, until = null;
        if (args.Get(ScanOptions.Since.Name) is string s)
        {
            if (!TimeArgument.TryParse(s, now, out DateTimeOffset v))
            {
                usage($"--since: cannot read '{s}' as a time ({TimeArgument.Forms}), or it is out of range");
                return null;
            }

            since = v;
        }

        if (args.Get(ScanOptions.Until.Name) is string u)
        {
            if (!TimeArgument.TryParse(u, now, out DateTimeOffset v))
            {
                usage($"--until: cannot read '{u}' as a time ({TimeArgument.Forms}), or it is out of range");
                return null;
            }

            until = v;
        }

        if (since > until)
        {
            usage(string.Create(CultureInfo.InvariantCulture, $"--since ({since:yyyy-MM-dd'T'HH:mm:ss'Z'}) is after --until ({until:yyyy-MM-dd'T'HH:mm:ss'Z'}): the window is empty"));
            return null;
        }

        TimeSpan delay = PruneOptions.None.DeliveryDelay;
        if (args.Get(ScanOptions.DeliveryDelay.Name) is string d && !TimeArgument.TryParseDuration(d, out delay))
        {
            usage($"--delivery-delay: expected a duration such as 30m or 2h, got '{d}'");
            return null;
        }

        return new PruneOptions
        {
            Accounts = new HashSet<string>(args.GetAll(ScanOptions.Account.Name), StringComparer.Ordinal),
            Regions = new HashSet<string>(args.GetAll(ScanOptions.Region.Name), StringComparer.OrdinalIgnoreCase),
            Since = since,
            Until = until,
            DeliveryDelay = delay,
        };
    }
}
