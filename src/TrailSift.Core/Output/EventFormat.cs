namespace TrailSift.Core.Output;

/*! Output: one printer per format. Printers render events and result records to a writer; they
    compute nothing. May depend on Analysis result types, Iam/Policy, Events and Common; never on
    Scan or Sources. */

/// <summary>How matching events are printed.</summary>
public enum EventFormat
{
    /// <summary>One compact event per line.</summary>
    Ndjson,

    /// <summary>Pretty-printed events, like jq's default output.</summary>
    Json,

    /// <summary>Aligned columns for people.</summary>
    Table,

    /// <summary>Comma-separated values (RFC 4180) with a header line.</summary>
    Csv,
}
