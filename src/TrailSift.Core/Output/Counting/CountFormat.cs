namespace TrailSift.Core.Output.Counting;

/// <summary>Output formats of <c>trailsift count</c>.</summary>
public enum CountFormat
{
    /// <summary>An aligned table (terminal default).</summary>
    Table,

    /// <summary>Tab-separated: count, then the key values (pipe default).</summary>
    Tsv,

    /// <summary>RFC 4180 CSV with a header.</summary>
    Csv,

    /// <summary>One JSON object per group.</summary>
    Ndjson,

    /// <summary>One JSON array of the groups.</summary>
    Json,
}
