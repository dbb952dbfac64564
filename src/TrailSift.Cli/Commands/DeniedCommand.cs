using System.Text;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Analysis.Denied;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Output.Denied;
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

        Examples:
          trailsift denied samples/emr-launch
          trailsift denied --principal EMR_DefaultRole_Restricted --policy samples/emr-launch
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
        if (!Formats.TryRead(args, env.StdoutIsTerminal ? "text" : "ndjson", reporter, out string format))
        {
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
        if (args.Has(DeniedSettings.Policy.Name))
        {
            DeniedPolicyWriter.WriteDocument(env.Stdout, report.PolicyStatements);
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
        if (args.Has(DeniedSettings.Policy.Name) && report.PolicyPrincipals.Count > 1)
        {
            reporter.Message($"the policy covers {report.PolicyPrincipals.Count} principals: attach it to each, or narrow with --principal");
        }

        return run.FinishFound(report.Groups.Count > 0);
    }
}
