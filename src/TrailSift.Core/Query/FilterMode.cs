namespace TrailSift.Core.Query;

/// <summary>How <c>query</c> runs a filter.</summary>
public enum FilterMode
{
    /// <summary>A per-event condition <c>C</c>: TrailSift's shorthand for <c>.Records[] | select(C)</c>, selecting each event at most once.</summary>
    Condition,

    /// <summary>A jq program over each input document, printing what jq prints.</summary>
    Program,
}
