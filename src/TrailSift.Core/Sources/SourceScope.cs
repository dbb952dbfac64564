namespace TrailSift.Core.Sources;

/// <summary>
/// What every source of one scan shares: the pruning rules (account, region, time window over the CloudTrail
/// layout), the error channel and the counters. Sources ask <see cref="KeepsPrefix"/> for each directory or
/// key prefix and <see cref="KeepsObject"/> for each object name, so pruning is one rule for all of them.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SourceScope
{
    private readonly Action<string, string> _reportError;

    /// <summary>Creates a scope; <paramref name="reportError"/> receives (path, reason) for unreadable inputs.</summary>
    public SourceScope(PruneOptions prune, Action<string, string> reportError)
    {
        Prune = prune;
        _reportError = reportError;
    }

    /// <summary>What may be skipped by path.</summary>
    public PruneOptions Prune { get; }

    /// <summary>Follow symbolic links to directories while walking (cycles are detected and reported).</summary>
    public bool FollowLinks { get; init; }

    /// <summary>What was listed and skipped so far.</summary>
    public SourceCounts Counts { get; } = new();

    /// <summary>Reports a problem with one input (<c>trailsift: &lt;path&gt;: &lt;reason&gt;</c>); the scan goes on.</summary>
    public void ReportError(string path, string reason) => _reportError(path, reason);

    /// <summary>True when a directory or key prefix at <paramref name="position"/> must be listed; counts it as pruned otherwise.</summary>
    public bool KeepsPrefix(LayoutPosition position)
    {
        string? reason = position.PruneReason(Prune);
        if (reason is null)
        {
            return true;
        }

        Counts.AddPrunedDirectory();
        return false;
    }

    /// <summary>
    /// True when the object at <paramref name="pathOrKey"/> must be read, judged by its CloudTrail file name
    /// (digests are skipped; account, region and delivery time are pruned); counts it otherwise.
    /// </summary>
    public bool KeepsObject(string pathOrKey, out CloudTrailObjectName? name)
    {
        name = CloudTrailObjectName.TryParse(pathOrKey);
        if (name is null)
        {
            return true;
        }

        if (name.IsDigest)
        {
            Counts.AddDigest();
            return false;
        }

        PruneOptions o = Prune;
        if ((o.Accounts.Count > 0 && !o.Accounts.Contains(name.Account))
            || (o.Regions.Count > 0 && !o.Regions.Contains(name.Region))
            || !o.KeepsDelivery(name.DeliveryTime))
        {
            Counts.AddPrunedFile();
            return false;
        }

        return true;
    }

    /// <summary>Counts an object handed to the scan.</summary>
    public void Listed() => Counts.AddListed();
}
