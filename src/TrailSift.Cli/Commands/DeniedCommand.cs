using System.Text;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Analysis.Denied;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Output.Denied;
using TrailSift.Core.Output.Policy;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Commands;

/// <summary><c>trailsift denied [FILTER] [PATH...]</c>: group and explain access-denied calls, with fixes and hints.</summary>
public sealed class DeniedCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "denied";

    /// <inheritdoc />
    public string Usage => "denied [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "explain access-denied calls: grouped by principal, action and resource, with reason, fix and hints";

    /// <inheritdoc />
    public string Details => """
        Finds the access-denied errors of every service (AccessDenied, Client.UnauthorizedOperation, ...;
        Client.DryRunOperation is not a denial), reads the reason from the message, and suggests a fix: the
        minimal identity Allow, or the policy type that must change. Hints come from the other events of the
        same trail (tags applied after creation, a later success). FILTER and the selection options choose
        which denials are reported; hints look at every event in the scanned files.
        --policy prints the policy command's policy for the denials an identity Allow fixes: catalog actions only,
        ARNs only (never message prose), merged statements split at --max-size; stderr accounts for every denied
        call (grantable, other policy type, unresolvable and why). A principal denied on many services within an
        hour (enumeration with stolen credentials) is reported, never granted. --summary rolls groups up per
        service and reason; --top N lists the N fixes with the most calls.

        Examples:
          trailsift denied samples/emr-launch
          trailsift denied --principal EMR_DefaultRole_Restricted --policy samples/emr-launch
          trailsift denied --summary --top 10 logs/
          trailsift denied '.eventSource == "s3.amazonaws.com"' --format ndjson logs/
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => DeniedSettings.All;

    /// <summary>The output formats (<c>--policy</c> prints a policy document instead).</summary>
    public static OutputFormats<string> Formats { get; } = new(("text", "text"), ("ndjson", "ndjson"), ("json", "json"));

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var run = new CommandRun(env);
        ConsoleReporter reporter = run.Reporter;
        bool policyOut = args.Has(DeniedSettings.Policy.Name);
        bool summary = args.Has(DeniedSettings.Summary.Name);
        if (!TryReadTop(args, reporter, out int? top) || !PolicyCommand.TryReadMaxSize(args, reporter, out int maxSize))
        {
            return ExitCodes.Error;
        }

        // --summary and --top are text roll-ups: they make text the default even when piped.
        string defaultFormat = env.StdoutIsTerminal || summary || top is not null ? "text" : "ndjson";
        if (!Formats.TryRead(args, defaultFormat, reporter, out string format))
        {
            return ExitCodes.Error;
        }

        if ((summary || top is not null) && (format != "text" || policyOut))
        {
            reporter.Message("--summary and --top apply to the text report (--format text, without --policy)");
            return ExitCodes.Error;
        }

        ScanPlan? plan = ScanPlanBuilder.Build(args, env, reporter);
        if (plan is null)
        {
            return ExitCodes.Error;
        }

        // The filter and shortcuts select the denials; the hints see every other event as context, in the same pass.
        bool includeAuth = args.Has(DeniedSettings.IncludeAuthFailures.Name);
        IamCatalog catalog = IamCatalog.Default;
        ScanResult<DeniedAnalyzer> result = ScanRunner.Run(plan, env, reporter,
            () => new DeniedAnalyzer(includeAuth, catalog), DeniedAnalyzer.ContextEvents);
        DeniedAnalyzer total = CommandRun.Merge(result, static (a, b) => a.Merge(b));
        DeniedReport report = total.BuildReport();
        bool related = args.Has(DeniedSettings.Related.Name);
        if (policyOut)
        {
            return WritePolicy(report, maxSize, run, env);
        }

        if (summary || top is not null)
        {
            run.WriteText(writer => DeniedRollupPrinter.Write(writer, report, summary, top));
        }
        else if (format == "text")
        {
            run.WriteText(writer => DeniedTextPrinter.Write(writer, report, run.Color, related));
        }
        else if (format == "ndjson")
        {
            DeniedJsonPrinter.WriteNdjson(env.Stdout, report, related);
        }
        else
        {
            DeniedJsonPrinter.WriteJson(env.Stdout, report, related);
        }

        env.Stdout.Flush();
        env.Stderr.WriteLine("trailsift: " + DeniedTextPrinter.Summary(report));
        return run.FinishFound(report.Groups.Count > 0);
    }

    /// <summary><c>--policy</c>: the <c>policy</c> generator's documents for the grantable denials; the account on stderr.</summary>
    private static int WritePolicy(DeniedReport report, int maxSize, CommandRun run, AppEnvironment env)
    {
        DeniedPolicyPlan plan = report.Policy;
        GeneratedPolicy? policy = plan.HasGrants ? plan.Generate(new PolicyGenerationOptions { MaxSize = maxSize }) : null;
        if (policy is not null)
        {
            run.WriteText(writer => PolicyPrinter.Write(policy, PolicyFormat.Json, PolicyDirectoryWriter.ShortName(policy.Principal), writer));
        }

        env.Stderr.WriteLine("trailsift: " + DeniedTextPrinter.Summary(report));
        foreach (string line in DeniedPolicyAccount.Lines(plan))
        {
            run.Reporter.Message(line.TrimStart());
        }

        if (policy is null)
        {
            run.Reporter.Message(report.Groups.Count == 0 ? "no denied calls" : "no policy written: no denied call can be granted exactly by an identity Allow (see above)");
            return run.FinishFound(false);
        }

        PolicyCommand.WarnOnSize(policy, run.Reporter);
        if (plan.Principals.Count > 1)
        {
            run.Reporter.Message($"the policy covers {plan.Principals.Count} principals: attach it to each, or narrow with --principal");
        }

        return run.FinishFound(true);
    }

    private static bool TryReadTop(ParsedArgs args, ConsoleReporter reporter, out int? top)
    {
        top = null;
        if (args.Get(DeniedSettings.Top.Name) is not string text)
        {
            return true;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < 1)
        {
            reporter.Message($"--top: expected a positive number of fixes, got '{text}'");
            return false;
        }

        top = n;
        return true;
    }
}
