using System.Text;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Output.Policy;
using TrailSift.Core.Output.Usage;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Commands;

/// <summary>
/// <c>trailsift unused --iam FILE... [--access-advisor FILE|DIR...] [--principal P] [FILTER] [PATH...]</c>: what each
/// principal is granted versus what it used, and a reduced policy verified by replay (docs/unused.md).
/// </summary>
public sealed partial class UnusedCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "unused";

    /// <inheritdoc />
    public string Usage => "unused --iam FILE... [--access-advisor FILE|DIR...] [--principal P...] [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "granted versus used per principal; a reduced policy verified by replay";

    /// <inheritdoc />
    public string Details => """
        Every granted action of the principal (all users and roles of the authorization details without
        --principal) is judged used, unused, not visible (CloudTrail cannot show it here) or no data (the
        input does not cover its account or regions); the reduced policy allows every call the current
        policies allowed and nothing more, keeps what cannot be judged, and is replayed before printing
        (docs/unused.md). The input is read once; standard input works. Exit codes: 0 done, 2 error (unreadable
        input, or a reduced policy failed its replay: it is then not printed as Terraform or CloudFormation).

        Examples:
          aws iam get-account-authorization-details > authz.json
          trailsift unused --iam authz.json --principal EMR_DefaultRole samples/emr-launch
          trailsift unused --iam authz.json --principal app --principal ci --format html logs/ > report.html
          trailsift unused --iam authz.json --principal app --format terraform logs/ > app-reduced.tf
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => UnusedSettings.All;

    /// <summary>The output formats.</summary>
    public static OutputFormats<UsageFormat> Formats { get; } = new OutputFormats<UsageFormat>(("text", UsageFormat.Text), ("json", UsageFormat.Json),
            ("ndjson", UsageFormat.Ndjson), ("html", UsageFormat.Html), ("terraform", UsageFormat.Terraform), ("cloudformation", UsageFormat.CloudFormation))
        .WithAlias("tf", UsageFormat.Terraform).WithAlias("cfn", UsageFormat.CloudFormation);

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var run = new CommandRun(env);
        ConsoleReporter reporter = run.Reporter;
        if (!Formats.TryRead(args, "text", reporter, out UsageFormat format))
        {
            return ExitCodes.Error;
        }

        using var live = LiveIam.Create(args, env, reporter);
        AuthorizationDetails? details = live.Failed ? null : ReadDetails(args, live, reporter);
        var diagnostics = new List<string>();
        List<EffectivePolicies>? principals = details is null ? null : Principals(details, args, reporter);
        List<AccessAdvisorReport>? advisor = principals is null ? null : ReadAdvisor(args, principals, live, diagnostics, reporter);

        // --principal chooses whose grants are judged; every event stays in the scan (coverage, tagging facts).
        ScanPlan? plan = advisor is null ? null : ScanPlanBuilder.Build(args.Without(UnusedSettings.Principal.Name), env, reporter);
        if (details is null || principals is null || advisor is null || plan is null)
        {
            return ExitCodes.Error;
        }

        foreach (string problem in diagnostics.Concat(details.Diagnostics))
        {
            reporter.Message(problem);
        }

        // One pass: the selected calls are judged as they come (those of principals whose policies read resource tags
        // once the scan's tagging facts are complete); every event counts for the coverage and the tagging facts.
        var scope = new UsageScope(details, principals);
        ScanResult<UsageCollector> scan = ScanRunner.Run(plan, env, reporter, () => new UsageCollector(scope), UsageCollector.ContextEvents);
        UsageCollector usage = UsageCollector.Complete(scan.Sinks);
        var failed = new List<string>();
        UsageReport report = UsageAnalysis.Stream(scope, usage, advisor, new PolicyGenerationOptions(), diagnostics, principal =>
        {
            if (!principal.Reduced.Verification.Passed)
            {
                lock (failed)
                {
                    failed.Add(principal.Policies.Principal.Arn);
                }
            }
        }, Math.Max(1, env.ProcessorCount), once: true);
        foreach (string problem in report.Diagnostics.Except(diagnostics.Concat(details.Diagnostics)))
        {
            reporter.Message(problem);
        }

        if (format is UsageFormat.Json or UsageFormat.Ndjson)
        {
            PrintJson(report, format, env.Stdout);
        }
        else
        {
            run.WriteText(writer => Print(report, format, writer));
        }

        foreach (string arn in failed.Distinct().Order(StringComparer.Ordinal))
        {
            reporter.Message($"{arn}: the reduced policy failed its replay; do not deploy it");
        }

        return run.Finish(failed.Count > 0 ? ExitCodes.Error : ExitCodes.Results, "the report is incomplete");
    }

    private static void PrintJson(UsageReport report, UsageFormat format, Stream stdout)
    {
        if (format == UsageFormat.Json)
        {
            UsageJsonPrinter.PrintJson(report, stdout);
        }
        else
        {
            UsageJsonPrinter.PrintNdjson(report, stdout);
        }

        stdout.Flush();
    }

    private static void Print(UsageReport report, UsageFormat format, TextWriter writer)
    {
        switch (format)
        {
            case UsageFormat.Terraform or UsageFormat.CloudFormation:
                ReducedPolicyPrinter.Write(report, format == UsageFormat.Terraform ? PolicyFormat.Terraform : PolicyFormat.CloudFormation, writer);
                break;
            case UsageFormat.Html:
                UsageHtmlPrinter.Print(report, writer);
                break;
            default:
                UsageTextPrinter.Print(report, writer);
                break;
        }
    }

    private static List<EffectivePolicies>? Principals(AuthorizationDetails details, ParsedArgs args, ConsoleReporter reporter)
    {
        IReadOnlyList<string> wanted = args.GetAll(UnusedSettings.Principal.Name);
        if (wanted.Count == 0)
        {
            return [.. details.Users.Concat(details.Roles).Select(details.Resolve)];
        }

        var chosen = new List<EffectivePolicies>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool ok = true;
        foreach (string name in wanted)
        {
            if (!details.TryFindPrincipal(name, out IamEntity? entity))
            {
                reporter.Message($"--principal: {name} is not a user or role of the authorization details (or the name is not unique)");
                ok = false;
            }
            else if (seen.Add(entity.Arn))
            {
                chosen.Add(details.Resolve(entity));
            }
        }

        return ok ? chosen : null;
    }
}
