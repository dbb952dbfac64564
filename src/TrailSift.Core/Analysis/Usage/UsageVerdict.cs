namespace TrailSift.Core.Analysis.Usage;

/// <summary>What the input says about one granted action.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum UsageVerdict
{
    /// <summary>Observed calls (or Access Advisor) show the grant was exercised.</summary>
    Used,

    /// <summary>The input covers the service, region, account and time, and shows no call.</summary>
    Unused,

    /// <summary>CloudTrail cannot show this permission in this input (never logged, or a data event the input lacks).</summary>
    NotVisible,

    /// <summary>The input does not cover the account, region or time the grant is about; nothing can be said.</summary>
    NoData,
}
