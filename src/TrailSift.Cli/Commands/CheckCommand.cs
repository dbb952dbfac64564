using System.Text;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Iam.Policy.Lint;
using TrailSift.Core.Output;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;

namespace TrailSift.Cli.Commands;

/// <summary>
/// <c>trailsift check --policy FILE... [--boundary FILE] [--scp FILE...] [--session-policy FILE] [FILTER] [PATH...]</c>:
/// replays the recorded calls against candidate policies and reports the calls they would deny.
/// </summary>
public sealed class CheckCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "check";

    /// <inheritdoc />
    public string Usage => "check --policy FILE... [--boundary FILE] [--scp FILE...] [--session-policy FILE] [--endpoint-policy FILE] [--iam FILE...] [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "replay recorded calls against candidate policies; report what they would deny";

    /// <inheritdoc />
    public string Details => """
        Each call that needed permissions (successes, denials, other failures) is evaluated offline for every
        permission it needed, with the context keys the event reveals (docs/check.md); keys CloudTrail cannot
        show (principal tags, organisation ids) are unknown, and a decision that depends on them is
        "undecidable", as are unmapped events. aws:ResourceTag values come from tagging calls earlier in the
        same trail. KMS keys are assumed to have their default key policy, and --endpoint-policy applies to the
        calls that went through a VPC endpoint; the summary says so. With --iam (authorization details), a
        PassRole through an instance profile is decided on the role the profile holds. Exit codes: 0 nothing would be denied,
        3 some call would be, 1 no call by --principal to replay, 2 error.

        Examples:
          trailsift check --policy samples/emr-launch-policies/security-group-scoped.json \
            --principal EMR_DefaultRole_Restricted samples/emr-launch
          trailsift check -p role.json --boundary boundary.json --format ndjson --since 7d logs/
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => CheckSettings.All;

    /// <summary>The output formats.</summary>
    public static OutputFormats<string> Formats { get; } = new(("text", "text"), ("ndjson", "ndjson"), ("json", "json"));

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var run = new CommandRun(env);
        ConsoleReporter reporter = run.Reporter;
        if (!Formats.TryRead(args, "text", reporter, out string format))
        {
            return ExitCodes.Error;
        }

        (PolicySet? policies, PolicySet? throughEndpoint) = LoadPolicies(args, env, reporter);
        if (policies is null)
        {
            return ExitCodes.Error;
        }

        AuthorizationDetails? details = null;
        if (args.GetAll(CheckSettings.Iam.Name) is { Count: > 0 } iamFiles && (details = ReadDetails(iamFiles, reporter)) is null)
        {
            return ExitCodes.Error;
        }

        ScanPlan? plan = ScanPlanBuilder.Build(args, env, reporter);
        if (plan is null)
        {
            return ExitCodes.Error;
        }

        // One pass: tagging calls of the whole input are context (anyone's tags count); the selected calls are replayed
        // once the ledger is complete.
        var tagging = new FieldValuePredicate(static r => r.EventName, TagLedger.TaggingEventNames, TextMatch.EqualsIgnoreCase);
        ScanResult<ReplayScanSink> result = ScanRunner.Run(plan, env, reporter, () => new ReplayScanSink(), tagging);
        var mapper = EventPermissionMapper.Default;
        CallChecker checks = ReplayScanSink.Replay(result.Sinks,
            ledger => new CallChecker(policies, ledger, mapper, CatalogRequestFactory.Default, throughEndpoint)
            {
                InstanceProfileRoles = details is null ? null : details.RolesOfInstanceProfile,
            });
        run.WriteText(writer =>
        {
            if (format == "ndjson")
            {
                CheckPrinter.WriteNdjson(writer, checks.Checks);
                CheckPrinter.WriteSummary(env.Stderr, checks, throughEndpoint is not null);
            }
            else if (format == "json")
            {
                // One document: the array of the ndjson objects (docs/json-output.md).
                var array = new JsonArrayStream(env.Stdout, JsonArrayStream.LineEnd);
                using (var json = new StreamWriter(array, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" })
                {
                    CheckPrinter.WriteNdjson(json, checks.Checks);
                }

                array.Complete();
                CheckPrinter.WriteSummary(env.Stderr, checks, throughEndpoint is not null);
            }
            else
            {
                CheckPrinter.WriteText(writer, checks.Checks, args.Has(CheckSettings.Verbose.Name));
                CheckPrinter.WriteSummary(writer, checks, throughEndpoint is not null);
            }
        });
        if (run.Finish(ExitCodes.Results, "the check is incomplete") != ExitCodes.Results)
        {
            return ExitCodes.Error;
        }

        // A misspelt --principal must not pass a CI gate: no call to replay is "no results", not "nothing denied".
        if (checks.Checks.Count == 0 && args.Get(ScanOptions.Principal.Name) is string principal)
        {
            reporter.Message(checks.Skipped.Count == 0 ? $"no calls by {principal} in the input"
                : $"no calls by {principal} that needed permissions in the input");
            return ExitCodes.NoResults;
        }

        foreach (CallCheck check in checks.Checks)
        {
            if (check.Verdict == CallVerdict.Denied)
            {
                return ExitCodes.WouldDeny;
            }
        }

        return ExitCodes.Results;
    }

    private static (PolicySet?, PolicySet?) LoadPolicies(ParsedArgs args, AppEnvironment env, ConsoleReporter reporter)
    {
        IReadOnlyList<string> identity = args.GetAll(CheckSettings.Policy.Name);
        if (identity.Count == 0)
        {
            reporter.Message("check needs at least one --policy FILE");
            return (null, null);
        }

        // Each file is read as lint reads it (CLI output wrappers, several documents) and linted as its kind:
        // errors stop the command (exit 2), warnings are shown.
        bool ok = true;
        List<PolicyDocument> Load(IEnumerable<string> files, PolicyKind kind)
        {
            var documents = new List<PolicyDocument>();
            foreach (string file in files)
            {
                if (!PolicyFiles.TryReadBytes(file, env, out byte[] bytes, out string? error))
                {
                    reporter.Message($"{file}: {error}");
                    ok = false;
                    continue;
                }

                string text = Encoding.UTF8.GetString(bytes);
                foreach (LintedDocument linted in LintedDocument.Read(bytes, kind, PolicyLinter.Default))
                {
                    foreach (PolicyDiagnostic d in linted.Findings)
                    {
                        env.Stderr.WriteLine(LintPrinter.Line(file, text, linted.Input, d));
                    }

                    if (linted.HasErrors)
                    {
                        ok = false;
                        continue;
                    }

                    documents.Add(linted.Input.Parsed.Document!);
                }
            }

            return documents;
        }

        List<PolicyDocument> policies = Load(identity, PolicyKind.Identity);
        List<PolicyDocument> boundary = args.Get(CheckSettings.Boundary.Name) is string b ? Load([b], PolicyKind.Boundary) : [];
        List<PolicyDocument> scps = Load(args.GetAll(CheckSettings.Scp.Name), PolicyKind.Scp);
        List<PolicyDocument> session = args.Get(CheckSettings.SessionPolicy.Name) is string s ? Load([s], PolicyKind.Session) : [];
        List<PolicyDocument> endpoint = args.Get(CheckSettings.EndpointPolicy.Name) is string e ? Load([e], PolicyKind.Endpoint) : [];
        if (!ok)
        {
            reporter.Message("the candidate policies have errors (see above; trailsift lint shows the same); nothing was replayed");
            return (null, null);
        }

        if (scps.Count > 0 && !scps.Exists(HasAllow))
        {
            reporter.Message("--scp: no Allow statement in the SCPs, so every call will be denied (AWS attaches FullAWSAccess unless removed)");
        }

        // No key policy is known: assume each key has the default one (docs/check.md says so, and the summary counts it).
        PolicySet Set(List<PolicyDocument>? endpoints) => new(policies, boundary, session.Count > 0 ? session[0] : null,
            serviceControlPolicies: scps.Count > 0 ? [scps] : null, endpointPolicies: endpoints,
            missingKeyPolicy: MissingKeyPolicy.AccountDefault);
        return (Set(null), endpoint.Count > 0 ? Set(endpoint) : null);
    }

    // --iam FILE...: read as unused --iam reads them; a file that is not authorization details stops the command.
    private static AuthorizationDetails? ReadDetails(IReadOnlyList<string> files, ConsoleReporter reporter)
    {
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
                reporter.Message($"{file}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
                ok = false;
            }
        }

        AuthorizationDetails details = reader.Build();
        if (ok)
        {
            return details;
        }

        foreach (string problem in details.Diagnostics)
        {
            reporter.Message(problem);
        }

        return null;
    }

    private static bool HasAllow(PolicyDocument document)
    {
        foreach (Statement statement in document.Statements)
        {
            if (statement.Effect == Effect.Allow)
            {
                return true;
            }
        }

        return false;
    }
}
