using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Query;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Values;
using TrailSift.Core.Query.Running;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;

namespace TrailSift.Cli.Commands;

/// <summary>The jq-program mode of <c>query</c>: streamed per event for <c>.Records[] | F</c>, else per document.</summary>
public sealed partial class QueryCommand
{
    private static int RunProgram(ScanPlan plan, ParsedArgs args, AppEnvironment env, CommandRun run, long limit)
    {
        ConsoleReporter reporter = run.Reporter;
        string? format = args.Get(QuerySettings.Format.Name);
        if (format is not (null or "ndjson" or "json") || args.Has(QuerySettings.Fields.Name) || args.Has(QuerySettings.Sort.Name))
        {
            reporter.Message($"--format table/csv, --fields and --sort apply to conditions; '{plan.FilterText}' is a jq program, which prints jq's output (-c, -r, -S, --tab)");
            return ExitCodes.Error;
        }

        bool limited = limit < long.MaxValue;
        var style = new JqOutputStyle
        {
            Compact = args.Has(QuerySettings.Compact.Name) || format == "ndjson",
            Raw = args.Has(QuerySettings.Raw.Name),
            SortKeys = args.Has(QuerySettings.SortKeys.Name),
            Tab = args.Has(QuerySettings.Tab.Name),
            Ascii = args.Has(QuerySettings.Ascii.Name),
            MarkOutputs = limited,
        };
        Stream stdout = limited ? new OutputLimit(env.Stdout, limit, JqOutputStyle.OutputMarker) : env.Stdout;
        bool slurp = args.Has(QuerySettings.Slurp.Name);
        bool nullInput = args.Has(QuerySettings.NullInput.Name);
        if (plan.Filter.PerEvent is not null && !slurp && !nullInput)
        {
            var output = new OrderedOutput(stdout);
            ScanResult<JqEventSink> result = ScanRunner.Run(plan, env, reporter,
                () => new JqEventSink(output.CreateWriter(), plan.Filter, style, reporter.Report));
            CommandRun.Flush(output);
            return run.FinishFound(result.Sinks.Sum(s => s.Outputs) > 0);
        }

        if (!ReferenceEquals(plan.Predicate, plan.Filter.Predicate) && !ReferenceEquals(plan.Predicate, AllOfPredicate.MatchAll))
        {
            reporter.Message($"the shortcut options select events, but '{plan.FilterText}' reads whole documents; "
                + "select inside the program instead, e.g. '[.Records[] | select(.errorCode)] | length'");
            return ExitCodes.Error;
        }

        return RunDocuments(plan, env, run, style, stdout, slurp, nullInput);
    }

    // Whole documents: one thread, each document held in memory while the program runs on it (jq does the same).
    private static int RunDocuments(ScanPlan plan, AppEnvironment env, CommandRun run, JqOutputStyle style, Stream stdout, bool slurp, bool nullInput)
    {
        ConsoleReporter reporter = run.Reporter;
        JqProgram program = plan.Filter.Program!;
        var scope = new SourceScope(plan.Prune, reporter.Report) { FollowLinks = plan.FollowLinks };
        using var documents = new QueryDocuments(plan.Sources.ListAsync(plan.Inputs, scope), reporter);
        var context = new JqContext { Inputs = documents, Stderr = s => env.Stderr.Write(s) };
        var buffered = new BufferedStream(stdout, 1 << 16);
        var writer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        var sb = new System.Text.StringBuilder();
        long outputs = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        void RunOn(JqValue input)
        {
            context.ResetSteps();
            try
            {
                program.Run(context, input, v =>
                {
                    style.Write(writer, sb, v);
                    buffered.Write(writer.WrittenSpan);
                    writer.ResetWrittenCount();
                    outputs++;
                });
            }
            catch (JqRuntimeException e)
            {
                reporter.Report(documents.Where, $"jq: error (at document {documents.Documents}){e.Describe()}");
            }
            catch (JqBudgetExceededException e)
            {
                reporter.Report(documents.Where, "jq: " + e.Message);
            }
        }

        try
        {
            if (nullInput)
            {
                RunOn(JqValue.Null);
            }
            else if (slurp)
            {
                var all = new List<JqValue>();
                while (documents.TryNext(out JqValue v))
                {
                    all.Add(v);
                }

                RunOn(new JqArray(all));
            }
            else
            {
                while (documents.TryNext(out JqValue v))
                {
                    RunOn(v);
                }
            }

            buffered.Flush();
        }
        catch (OutputLimitReachedException)
        {
        }

        if (plan.Stats)
        {
            env.Stderr.WriteLine($"jq program on whole documents: each document held in memory; files: opened {documents.Files}; documents: {documents.Documents}; outputs: {outputs}");
            env.Stderr.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"time: {clock.Elapsed.TotalSeconds:F3} s"));
        }

        return run.FinishFound(outputs > 0);
    }
}
