using System.Globalization;
using TrailSift.Core.Commands;
using TrailSift.Core.Events;

namespace TrailSift.Cli.Tests.Analyses;

/// <summary>
/// A whole analysis in one file, as GUIDE.md's "Where a new thing goes" describes: <c>region-tally</c> counts the selected
/// events per region (the descriptor, its accumulator and its printer); registering it is one line
/// (<c>new AnalysisCommand(new RegionTally())</c>).
/// </summary>
internal sealed class RegionTally : AnalysisDescriptor
{
    private static readonly AnalysisOption Min = new("min", AnalysisOptionArity.Single, "only regions with at least N events", "N", Group: "Output");
    private static readonly AnalysisOption Format = new("format", AnalysisOptionArity.Single, "text | json (one document: an array of {region, events})", "FORMAT", 'f', "Output");

    public override string Name => "region-tally";

    public override string Usage => "region-tally [--min N] [FILTER] [PATH...] [OPTIONS]";

    public override string Summary => "selected events per region";

    public override string Details => "One line per region: the region and its selected events, most first.";

    public override IReadOnlyList<AnalysisOption> Options { get; } = [Min, Format];

    public override IReadOnlyList<AnalysisFormat> Formats { get; } = [new("text"), new("json", JsonArray: true)];

    public override AnalysisRun? Prepare(IAnalysisOptions options, AnalysisFormat format, out string? error)
    {
        long min = 0;
        if (options.Get(Min.Name) is string text && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out min))
        {
            error = $"--min: expected a number, got '{text}'";
            return null;
        }

        error = null;
        return new AccumulatingRun<Tally>(static () => new Tally(), static (a, b) => a.Merge(b), (t, w) => t.Print(w, min, format.JsonArray));
    }

    /// <summary>The accumulator: one per scan worker, merged at the end.</summary>
    internal sealed class Tally : IEventSink, ISequencedSink
    {
        private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

        public void BeginObject(int sequence, string path)
        {
        }

        public void EndObject(int sequence, string path)
        {
        }

        public void Accept(EventRecord record)
        {
            string region = record.AwsRegion.IsNullOrUndefined ? "(none)" : record.AwsRegion.ToString();
            _counts[region] = _counts.GetValueOrDefault(region) + 1;
        }

        public void Merge(Tally other)
        {
            foreach ((string region, long n) in other._counts)
            {
                _counts[region] = _counts.GetValueOrDefault(region) + n;
            }
        }

        // The printer: text lines, or one JSON object per line (the Cli gathers them into an array).
        public long Print(TextWriter writer, long min, bool json)
        {
            long lines = 0;
            foreach ((string region, long n) in _counts.Where(p => p.Value >= min).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteLine(json ? $"{{\"region\":\"{region}\",\"events\":{n}}}" : $"{region}\t{n}");
                lines++;
            }

            return lines;
        }
    }
}
