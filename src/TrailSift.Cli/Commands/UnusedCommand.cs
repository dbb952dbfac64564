using System.Text;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Output.Usage;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Commands;

/// <summary>
/// <c>trailsift unused --iam FILE... [--access-advisor FILE|DIR...] [--principal P] [FILTER] [PATH...]</c>: what each
/// principal is granted versus what it used, and a reduced policy verified by replay (docs/unused.md).
/// </summary>
/// <remarks>Self-contained on today's command seam (its options are declared here); it moves to the new run skeleton with #9.</remarks>
public sealed class UnusedCommand : ICommand
{
    private const string Inputs = "Granted side";
    private const string Out = "Output";

    private static readonly OptionSpec Iam = new("iam", OptionArity.Repeated,
        "aws iam get-account-authorization-details output (repeat for several pages or files)", "FILE", Group: Inputs);

    private static readonly OptionSpec AccessAdvisor = new("access-advisor", OptionArity.Repeated,
        "get-service-last-accessed-details output, one file per principal (PrincipalArn member or file named after it), or a folder of them",
        "FILE|DIR", Group: Inputs);

    private static readonly OptionSpec Format = new("format", OptionArity.Single, "text | json | ndjson (one line per principal)", "FORMAT", 'f', Out);

    /// <inheritdoc />
    public string Name => "unused";

    /// <inheritdoc />
    public string Usage => "unused --iam FILE... [--access-advisor FILE|DIR...] [--principal P] [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "granted versus used per principal; a reduced policy verified by replay";

    /// <inheritdoc />
    public string Details => """
        Every granted action of the principal (all users and roles of the authorization details without
        --principal) is judged used, unused, not visible (CloudTrail cannot show it here) or no data (the
        input does not cover its account or regions); the reduced policy allows every call the current
        policies allowed and nothing more, keeps what cannot be judged, and is replayed before printing
        (docs/unused.md). Exit codes: 0 done, 2 error (unreadable input, or the reduced policy failed its replay).

        Examples:
          aws iam get-account-authorization-details > authz.json
          trailsift unused --iam authz.json --principal EMR_DefaultRole samples/emr-launch
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options { get; } = [.. ScanOptions.All, Iam, AccessAdvisor, Format];

    /// <summary>The output formats.</summary>
    public static OutputFormats<string> Formats { get; } = new(("text", "text"), ("json", "json"), ("ndjson", "ndjson"));

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var reporter = new ConsoleReporter(env.Stderr);
        if (!Formats.TryRead(args, "text", reporter, out string format))
        {
            return ExitCodes.Error;
        }

        AuthorizationDetails? details = ReadDetails(args, reporter);
        var diagnostics = new List<string>();
        List<AccessAdvisorReport> advisor = ReadAdvisor(args, diagnostics);
        List<EffectivePolicies>? principals = details is null ? null : Principals(details, args, reporter);
        ScanPlan? plan = principals is null ? null : ScanPlanBuilder.Build(args, env, reporter);
        if (details is null || principals is null || plan is null)
        {
            return ExitCodes.Error;
        }

        if (!plan.CanReadTwice)
        {
            reporter.Message("unused reads its input twice: give files or folders, not standard input");
            return ExitCodes.Error;
        }

        foreach (string problem in diagnostics.Concat(details.Diagnostics))
        {
            reporter.Message(problem);
        }

        // Pass 1, every event: tagging facts and what the input covers. Pass 2, the selected calls.
        ScanResult<FirstPass> first = ScanRunner.Run(plan with { Predicate = AllOfPredicate.MatchAll, Stats = false }, env, reporter,
            () => new FirstPass());
        FirstPass facts = first.Sinks[0];
        for (int i = 1; i < first.Sinks.Count; i++)
        {
            facts.Merge(first.Sinks[i]);
        }

        facts.Ledger.Freeze();
        var scope = new UsageScope(details, principals, facts.Ledger);
        ScanResult<UsageCollector> second = ScanRunner.Run(plan, env, reporter, () => new UsageCollector(scope));
        UsageCollector usage = second.Sinks[0];
        for (int i = 1; i < second.Sinks.Count; i++)
        {
            usage.Merge(second.Sinks[i]);
        }

        UsageReport report = UsageAnalysis.Report(scope, usage, advisor, new PolicyGenerationOptions(), diagnostics, facts.Coverage.Coverage());
        foreach (string problem in report.Diagnostics.Except(diagnostics.Concat(details.Diagnostics)))
        {
            reporter.Message(problem);
        }

        Print(report, format, env);
        bool failed = false;
        foreach (PrincipalUsage principal in report.Principals.Where(static p => !p.Reduced.Verification.Passed))
        {
            reporter.Message($"{principal.Policies.Principal.Arn}: the reduced policy failed its replay; do not deploy it");
            failed = true;
        }

        return failed || reporter.Problems > 0 ? ExitCodes.Error : ExitCodes.Results;
    }

    private static void Print(UsageReport report, string format, AppEnvironment env)
    {
        if (format == "json")
        {
            UsageJsonPrinter.PrintJson(report, env.Stdout);
        }
        else if (format == "ndjson")
        {
            UsageJsonPrinter.PrintNdjson(report, env.Stdout);
        }
        else
        {
            using var writer = new StreamWriter(env.Stdout, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            UsageTextPrinter.Print(report, writer);
        }

        env.Stdout.Flush();
    }

    private static AuthorizationDetails? ReadDetails(ParsedArgs args, ConsoleReporter reporter)
    {
        IReadOnlyList<string> files = args.GetAll(Iam.Name);
        if (files.Count == 0)
        {
            reporter.Message("unused needs --iam FILE (aws iam get-account-authorization-details output)");
            return null;
        }

        var reader = new AuthorizationDetailsReader();
        bool ok = true;
        foreach (string file in files)
        {
            try
            {
                ok &= reader.Add(File.ReadAllBytes(file), file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reporter.Message($"{file}: {e.Message}");
                ok = false;
            }
        }

        AuthorizationDetails details = reader.Build();
        if (!ok)
        {
            foreach (string problem in details.Diagnostics)
            {
                reporter.Message(problem);
            }

            return null;
        }

        return details;
    }

    private static List<AccessAdvisorReport> ReadAdvisor(ParsedArgs args, List<string> diagnostics)
    {
        var reports = new List<AccessAdvisorReport>();
        foreach (string given in args.GetAll(AccessAdvisor.Name))
        {
            IEnumerable<string> files = Directory.Exists(given)
                ? Directory.EnumerateFiles(given, "*.json").Order(StringComparer.Ordinal)
                : [given];
            foreach (string file in files)
            {
                try
                {
                    AccessAdvisorReport? report = AccessAdvisorReader.Read(File.ReadAllBytes(file), file, out string? problem);
                    if (report is not null)
                    {
                        reports.Add(report);
                    }
                    else
                    {
                        diagnostics.Add(problem!);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add($"{file}: {e.Message}");
                }
            }
        }

        return reports;
    }

    private static List<EffectivePolicies>? Principals(AuthorizationDetails details, ParsedArgs args, ConsoleReporter reporter)
    {
        if (args.Get(ScanOptions.Principal.Name) is string wanted)
        {
            if (!details.TryFindPrincipal(wanted, out IamEntity? entity))
            {
                reporter.Message($"--principal: {wanted} is not a user or role of the authorization details (or the name is not unique)");
                return null;
            }

            return [details.Resolve(entity)];
        }

        return [.. details.Users.Concat(details.Roles).Select(details.Resolve)];
    }

    /// <summary>The first pass: tagging facts and the input's coverage, from every event.</summary>
    private sealed class FirstPass : IEventSink, ISequencedSink
    {
        public TagLedger Ledger { get; } = new();

        public CoverageCollector Coverage { get; } = new();

        public void Accept(EventRecord record)
        {
            Ledger.Accept(record);
            Coverage.Accept(record);
        }

        public void BeginObject(int sequence, string path) => Ledger.BeginObject(sequence, path);

        public void EndObject(int sequence, string path) => Ledger.EndObject(sequence, path);

        public void Merge(FirstPass other)
        {
            Ledger.Merge(other.Ledger);
            Coverage.Merge(other.Coverage);
        }
    }
}
