namespace TrailSift.Core.Sources.Remote;

/// <summary>Which listed keys are read and which are ruled out by their name, with the same rules as a local walk.</summary>
internal static class RemoteKeyFilter
{
    /// <summary>What to do with a listed key.</summary>
    public enum Verdict
    {
        Read,
        NotLog,
        Digest,
        Pruned,
    }

    /// <summary>
    /// Decides for <paramref name="key"/>: inside a listed folder only names that can hold logs are read
    /// (as in a local walk: <c>.json</c>, <c>.gz</c>, <c>.ndjson</c>, <c>.jsonl</c>, <c>.log</c> or no extension,
    /// not hidden); a CloudTrail name is pruned by account, region and delivery time; digests are skipped
    /// unless <paramref name="keepDigests"/>.
    /// </summary>
    public static Verdict Judge(string key, PruneOptions options, bool explicitKey, bool keepDigests)
    {
        string name = key[(key.LastIndexOf('/') + 1)..];
        if (!explicitKey && !LogLikeName(name))
        {
            return Verdict.NotLog;
        }

        CloudTrailObjectName? parsed = CloudTrailObjectName.TryParse(name);
        if (parsed is null)
        {
            return Verdict.Read;
        }

        if (parsed.IsDigest && !keepDigests)
        {
            return Verdict.Digest;
        }

        bool outside = (options.Accounts.Count > 0 && !options.Accounts.Contains(parsed.Account))
            || (options.Regions.Count > 0 && !options.Regions.Contains(parsed.Region))
            || !options.KeepsDelivery(parsed.DeliveryTime);
        return outside ? Verdict.Pruned : Verdict.Read;
    }

    private static bool LogLikeName(string name)
    {
        if (name.Length == 0 || name[0] == '.')
        {
            return false;
        }

        int dot = name.LastIndexOf('.');
        string ext = dot < 0 ? string.Empty : name[dot..].ToLowerInvariant();
        return ext is "" or ".json" or ".gz" or ".ndjson" or ".jsonl" or ".jsonlines" or ".log";
    }
}
