using TrailSift.Core.Analysis.Actions;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Output.Actions;

namespace TrailSift.Core.Commands;

/// <summary>
/// <c>trailsift actions [--summary | --coverage] [FILTER] [PATH...]</c>: the IAM permissions each matching event
/// needed, aggregated per principal, or the mapping coverage of the distinct event names.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ActionsAnalysis : AnalysisDescriptor
{
    private const string Out = "Output";

    private static readonly AnalysisOption SummaryOption = new("summary", AnalysisOptionArity.Flag, "aggregate per principal: distinct actions and resources with counts", Group: Out);
    private static readonly AnalysisOption CoverageOption = new("coverage", AnalysisOptionArity.Flag, "every distinct (eventSource, eventName) with its mapping, then the share mapped", Group: Out);
    private static readonly AnalysisOption FormatOption = new("format", AnalysisOptionArity.Single, "ndjson | json (one document: an array of the same objects)", "FORMAT", 'f', Out);

    /// <inheritdoc />
    public override string Name => "actions";

    /// <inheritdoc />
    public override string Usage => "actions [--summary | --coverage] [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public override string Summary => "the IAM permissions each matching event needed";

    /// <inheritdoc />
    public override string Details => """
        One NDJSON line per event: eventID, eventTime, principal, eventSource, eventName, errorCode,
        permissions [{action, resource, source}], implied (never logged, e.g. iam:PassRole) and notes.
        --summary aggregates per principal; --coverage lists each (eventSource, eventName) with whether it
        mapped to catalog actions, then the share mapped. A guess never counts as mapped.

        Examples:
          trailsift actions --principal EMR_DefaultRole_Restricted samples/emr-launch
          trailsift actions --summary --since 7d logs/
          trailsift actions --coverage logs/
        """;

    /// <inheritdoc />
    public override IReadOnlyList<AnalysisOption> Options { get; } = [SummaryOption, CoverageOption, FormatOption];

    /// <inheritdoc />
    public override IReadOnlyList<AnalysisFormat> Formats { get; } = [new("ndjson"), new("json", JsonArray: true)];

    /// <inheritdoc />
    public override AnalysisRun? Prepare(IAnalysisOptions options, AnalysisFormat format, out string? error)
    {
        bool summary = options.Has(SummaryOption.Name), coverage = options.Has(CoverageOption.Name);
        if (summary && coverage)
        {
            error = "--summary and --coverage cannot be combined";
            return null;
        }

        error = null;
        EventPermissionMapper mapper = EventPermissionMapper.Default;
        if (summary || coverage)
        {
            return new AccumulatingRun<PermissionAggregator>(() => new PermissionAggregator(mapper, coverage), static (a, b) => a.Merge(b),
                coverage ? PermissionSummaryPrinter.WriteCoverage : PermissionSummaryPrinter.WriteSummary);
        }

        return new StreamingRun<PermissionPrintingSink>(writer => new PermissionPrintingSink(mapper, writer));
    }
}
