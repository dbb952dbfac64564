namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// How many calls needed an action and had it allowed by one statement: counted once per call, however many resources
/// the call touched.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Action">The action.</param>
/// <param name="Statement">The Allow statement.</param>
/// <param name="Calls">Calls it allowed decidably.</param>
/// <param name="Undecidable">Further calls it may have allowed (the decision depends on keys the trail cannot show).</param>
/// <param name="DeniedAtTheTime">Of <paramref name="Calls"/>, calls the trail shows denied then.</param>
public sealed record ActionCalls(string Action, StatementRef Statement, long Calls, long Undecidable, long DeniedAtTheTime);
