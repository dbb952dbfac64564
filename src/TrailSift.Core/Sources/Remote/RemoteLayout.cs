namespace TrailSift.Core.Sources.Remote;

/// <summary>
/// Where an S3 prefix sits in the CloudTrail layout: the local <see cref="LayoutPosition"/> plus what a
/// listing needs beyond it: the trail folder's name (for the day folder's key names) and, for
/// <c>sync</c>, digest folders walked like log folders (region, year, month, day).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed record RemoteLayout(LayoutPosition Position, string? TrailFolder, bool WalkDigests)
{
    public static RemoteLayout Outside(bool walkDigests) => new(LayoutPosition.Outside, null, walkDigests);

    /// <summary>The position of a key prefix such as <c>AWSLogs/o-abc/111122223333/</c> (segments after the last <c>AWSLogs</c>).</summary>
    public static RemoteLayout OfPrefix(string prefix, bool walkDigests)
    {
        string[] segments = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int start = Array.LastIndexOf(segments, "AWSLogs");
        RemoteLayout p = Outside(walkDigests);
        if (start < 0)
        {
            return p;
        }

        p = p.Child("AWSLogs");
        for (int i = start + 1; i < segments.Length && p.Position.Level != LayoutLevel.Outside; i++)
        {
            p = p.Child(segments[i]);
        }

        return p;
    }

    /// <summary>The position of the child folder <paramref name="name"/>.</summary>
    public RemoteLayout Child(string name)
    {
        LayoutPosition child = Position.Child(name);
        if (child.Level == LayoutLevel.Digest && WalkDigests)
        {
            // sync keeps digests: their folders are region/YYYY/MM/DD like the logs', so prune them the same way.
            return new RemoteLayout(child with { Level = LayoutLevel.Trail }, name, WalkDigests);
        }

        return new RemoteLayout(child, child.Level == LayoutLevel.Trail ? name : TrailFolder, WalkDigests);
    }

    /// <summary>Why this folder need not be listed, or null.</summary>
    public string? PruneReason(PruneOptions options) => Position.PruneReason(options);

    /// <summary>
    /// In a day folder, the key after which objects can be in the window: object names start with
    /// <c>&lt;account&gt;_&lt;trail folder&gt;_&lt;region&gt;_&lt;YYYYMMDDTHHMMZ&gt;</c>, so every earlier key was
    /// delivered before the window (less the clock-skew margin). Null when not in a day folder or no <c>--since</c>.
    /// </summary>
    public string? StartAfter(string dayPrefix, PruneOptions options)
    {
        if (Position.Level != LayoutLevel.Day || options.Since is not { } since || TrailFolder is null || Position.Account is null)
        {
            return null;
        }

        DateTimeOffset from = since - options.ClockSkew;
        var day = new DateTimeOffset(Position.Year, Position.Month, Position.Day, 0, 0, 0, TimeSpan.Zero);
        if (from <= day)
        {
            return null;
        }

        string stamp = from.UtcDateTime.ToString("yyyyMMdd'T'HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return $"{dayPrefix}{Position.Account}_{TrailFolder}_{Position.Region}_{stamp}";
    }
}
