namespace TrailSift.Core.Query.Running;

/// <summary>
/// Where a predicate reports an event whose evaluation went over its budget (steps, memory, a regex timeout): with
/// <see cref="Report"/> set, the event is reported (<c>trailsift: PATH: event N: jq: …</c>), not selected, and the scan
/// goes on with the next event; without it, the failure ends the input as an input problem. Shared by a predicate and
/// its per-worker copies.
/// </summary>
internal sealed class EventProblems
{
    /// <summary>Receives (path, reason); set before the scan starts. Must be thread-safe.</summary>
    public Action<string, string>? Report { get; set; }

    /// <summary>True when <paramref name="e"/> is a budget failure on one event and it was reported.</summary>
    public bool Reported(Events.EventRecord record, InvalidDataException e)
    {
        if (Report is not { } report || e.InnerException is not Jq.Runtime.JqBudgetExceededException)
        {
            return false;
        }

        report(record.SourcePath, e.Message);
        return true;
    }
}
