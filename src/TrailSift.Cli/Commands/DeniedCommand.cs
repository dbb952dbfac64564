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

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var reporter = new ConsoleReporter(env.Stderr);
        string format = (args.Get(DeniedSettings.Format.Name) ?? (env.StdoutIsTerminal ? "text" : "ndjson")).ToLowerInvariant();
        if (format is not ("text" or "ndjson" or "json"))
        {
            reporter.Message($"--format: expected text, ndjson or json, got '{format}'");
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
        DeniedAnalyzer total = result.Sinks[0];
        for (int i = 1; i < result.Sinks.Count; i++)
        {
            total.Merge(result.Sinks[i]);
        }

        DeniedReport report = total.BuildReport();
        bool related = args.Has(DeniedSettings.Related.Name);
        try
        {
            if (args.Has(DeniedSettings.Policy.Name))
            {
                DeniedPolicyWriter.WriteDocument(env.Stdout, report.PolicyStatements);
            }
            else if (format == "text")
            {
                using var writer = new StreamWriter(env.Stdout, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
                DeniedTextPrinter.Write(writer, report, env.StdoutIsTerminal && !env.NoColor, related);
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
        }
        catch (IOException)
        {
            // A closed pipe ends the run quietly.
        }

        env.Stderr.WriteLine("trailsift: " + DeniedTextPrinter.Summary(report));
        if (args.Has(DeniedSettings.Policy.Name) && report.PolicyPrincipals.Count > 1)
        {
            reporter.Message($"the policy covers {report.PolicyPrincipals.Count} principals: attach it to each, or narrow with --principal");
        }

        if (reporter.Problems > 0)
        {
            reporter.Message($"{reporter.Problems} input problem(s); results may be incomplete");
            return ExitCodes.Error;
        }

        return report.Groups.Count > 0 ? ExitCodes.Results : ExitCodes.NoResults;
    }
}
