using System.Globalization;
using System.Text;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Generalization;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Output.Policy;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Commands;

/// <summary><c>trailsift policy --principal WHO [FILTER] [PATH...]</c>: a least-privilege policy from the calls a principal made.</summary>
public sealed class PolicyCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "policy";

    /// <inheritdoc />
    public string Usage => "policy --principal WHO [FILTER] [PATH...] [OPTIONS]";

    /// <inheritdoc />
    public string Summary => "generate a least-privilege policy from the calls a principal made";

    /// <inheritdoc />
    public string Details => """
        Whose calls: --principal names a role (ARN or name: every session of it), a user, or with --session
        one session; --per-principal DIR writes one policy per principal instead. Successful calls and calls
        that failed for other reasons than authorisation count; denied calls are included (they are what
        was missing) unless --exclude-denied; calls that need no permission are skipped; implied permissions
        such as iam:PassRole are included and flagged. Unmapped calls are named, never dropped silently.
        A policy larger than --max-size is split into several documents.

        Examples:
          trailsift policy --principal EMR_DefaultRole_Restricted samples/emr-launch
          trailsift policy --principal EMR_DefaultRole_Restricted --explain samples/emr-launch
          trailsift policy --per-principal policies/ --format terraform logs/
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => PolicySettings.All;

    /// <summary>The output formats.</summary>
    public static OutputFormats<PolicyFormat> Formats { get; } =
        new OutputFormats<PolicyFormat>(("json", PolicyFormat.Json), ("terraform", PolicyFormat.Terraform), ("cloudformation", PolicyFormat.CloudFormation))
            .WithAlias("tf", PolicyFormat.Terraform).WithAlias("cfn", PolicyFormat.CloudFormation);

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var run = new CommandRun(env);
        ConsoleReporter reporter = run.Reporter;
        if (!TryReadOptions(args, reporter, out PolicyFormat format, out PolicyGenerationOptions? options))
        {
            return ExitCodes.Error;
        }

        string? principal = args.Get(ScanOptions.Principal.Name);
        string? directory = args.Get(PolicySettings.PerPrincipal.Name);
        if (principal is null && directory is null)
        {
            reporter.Message("policy: give --principal WHO, or --per-principal DIR for every principal");
            env.Stderr.WriteLine($"usage: trailsift {Usage}");
            return ExitCodes.Error;
        }

        if (directory is not null && PolicyDirectoryWriter.Unusable(directory) is string reason)
        {
            reporter.Message($"{directory}: {reason}");
            return ExitCodes.Error;
        }

        var extra = new List<IEventPredicate>();
        if (args.Get(PolicySettings.Session.Name) is string session)
        {
            extra.Add(new SessionPredicate(session));
        }

        ScanPlan? plan = ScanPlanBuilder.Build(args, env, reporter, extra);
        if (plan is null)
        {
            return ExitCodes.Error;
        }

        // Data events are counted over the whole input (context), before --principal and the filter select.
        bool includeDenied = !args.Has(PolicySettings.ExcludeDenied.Name);
        bool includeUnverified = args.Has(PolicySettings.IncludeUnverified.Name);
        var reader = new MappedPermissionReader(new EventPermissionMapper(options.Catalog));
        ScanResult<PolicyScanSink> result = ScanRunner.Run(plan, env, reporter,
            () => new PolicyScanSink(new PolicyEvidenceCollector(reader, includeDenied, includeUnverified)), PolicyScanSink.ContextEvents);
        PolicyScanSink merged = CommandRun.Merge(result, static (a, b) => a.Merge(b));

        PolicyEvidenceCollector all = merged.Collector;
        InputFacts facts = all.Facts with { Events = result.Stats.Events, DataEvents = merged.DataEvents };
        bool explain = args.Has(PolicySettings.Explain.Name);
        int code = directory is not null
            ? WritePerPrincipal(all, facts, directory, format, explain, options, env, reporter)
            : WriteOne(all, facts, principal!, format, explain, options, env, reporter);
        return run.Finish(code, "the policy may be incomplete");
    }

    private static bool TryReadOptions(ParsedArgs args, ConsoleReporter reporter, out PolicyFormat format, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PolicyGenerationOptions? options)
    {
        options = null;
        if (!Formats.TryRead(args, "json", reporter, out format))
        {
            return false;
        }

        string modeText = (args.Get(PolicySettings.Generalize.Name) ?? "safe").ToLowerInvariant();
        if (modeText is not ("none" or "safe" or "aggressive"))
        {
            reporter.Message($"--generalize: expected none, safe or aggressive, got '{modeText}'");
            return false;
        }

        if (!TryReadMaxSize(args, reporter, out int maxSize))
        {
            return false;
        }

        options = new PolicyGenerationOptions
        {
            Generalization = modeText switch { "none" => GeneralizationMode.None, "aggressive" => GeneralizationMode.Aggressive, _ => GeneralizationMode.Safe },
            CompressActions = args.Has(PolicySettings.CompressActions.Name),
            MaxSize = maxSize,
        };
        return true;
    }

    /// <summary>Reads <c>--max-size N</c> (default: the managed-policy limit); false after reporting a bad value.</summary>
    public static bool TryReadMaxSize(ParsedArgs args, ConsoleReporter reporter, out int maxSize)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(reporter);
        maxSize = PolicyGenerationOptions.ManagedPolicyMaxSize;
        if (args.Get(PolicySettings.MaxSize.Name) is string m && (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out maxSize) || maxSize < 100))
        {
            reporter.Message($"--max-size: expected a number of characters (at least 100), got '{m}'");
            return false;
        }

        return true;
    }

    /// <summary>Notes on stderr when the policy was split, is more documents than a role can attach, or has an unsplittable statement.</summary>
    public static void WarnOnSize(GeneratedPolicy policy, ConsoleReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(reporter);
        if (policy.IsSplit)
        {
            reporter.Message(string.Create(CultureInfo.InvariantCulture,
                $"note: the policy is larger than {policy.MaxSize} characters without whitespace; split into {policy.Documents.Length} documents ({string.Join(", ", policy.Sizes)})"));
        }

        // IAM attaches at most 10 managed policies to a role or user by default (20 after a quota increase).
        if (policy.Documents.Length > 10)
        {
            reporter.Message(string.Create(CultureInfo.InvariantCulture,
                $"warning: {policy.Documents.Length} documents are more managed policies than a role or user can attach by default (10); consider --generalize aggressive or --compress-actions"));
        }

        if (policy.ExceedsMaxSize)
        {
            reporter.Message($"warning: a single statement is larger than {policy.MaxSize} characters and could not be split");
        }
    }

    private static int WriteOne(PolicyEvidenceCollector all, InputFacts facts, string principal, PolicyFormat format, bool explain,
        PolicyGenerationOptions options, AppEnvironment env, ConsoleReporter reporter)
    {
        System.Collections.Immutable.ImmutableArray<string> names = all.PrincipalNames();
        PrincipalEvidence? evidence = all.Combined(names.Length == 1 ? names[0] : principal);
        if (evidence is null)
        {
            reporter.Message($"no calls by {principal} in the input");
            return ExitCodes.NoResults;
        }

        if (names.Length > 1)
        {
            reporter.Message($"note: {principal} names {names.Length} principals; one policy covers them all: {string.Join(", ", names)}");
        }

        GeneratedPolicy policy = PolicyGenerator.Generate(evidence, facts, options);
        new CommandRun(env).WriteText(writer =>
        {
            if (explain)
            {
                PolicyExplanationWriter.Write(policy, writer);
            }
            else
            {
                PolicyPrinter.Write(policy, format, PolicyDirectoryWriter.ShortName(policy.Principal), writer);
            }
        });

        WarnOnStderr(policy, reporter);
        return ExitCodes.Results;
    }

    private static int WritePerPrincipal(PolicyEvidenceCollector all, InputFacts facts, string directory, PolicyFormat format, bool explain,
        PolicyGenerationOptions options, AppEnvironment env, ConsoleReporter reporter)
    {
        System.Collections.Immutable.ImmutableArray<PrincipalEvidence> principals = all.Principals();
        if (principals.IsEmpty)
        {
            reporter.Message("no principal made calls in the input");
            return ExitCodes.NoResults;
        }

        PolicyDirectoryWriter.Summary written;
        try
        {
            written = PolicyDirectoryWriter.Write(directory, principals, evidence => PolicyGenerator.Generate(evidence, facts, options), format, explain);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Message($"{directory}: {PolicyDirectoryWriter.Reason(e)}");
            return ExitCodes.Error;
        }

        new CommandRun(env).WriteBytes(Encoding.UTF8.GetBytes(written.Index));
        reporter.Message(string.Create(CultureInfo.InvariantCulture,
            $"wrote {principals.Length} policies ({written.Statements} statements) to {directory}; {written.UnmappedCalls} unmapped calls are named in index.tsv"));
        return ExitCodes.Results;
    }

    private static void WarnOnStderr(GeneratedPolicy policy, ConsoleReporter reporter)
    {
        WarnOnSize(policy, reporter);

        if (!policy.Evidence.Unmapped.IsEmpty)
        {
            var names = new List<string>();
            foreach (UnmappedCall u in policy.Evidence.Unmapped)
            {
                names.Add($"{u.EventSource} {u.EventName}");
            }

            reporter.Message($"note: no known IAM permission for {string.Join(", ", names)}; not in the policy (see --explain)");
        }

        if (!policy.Facts.HasDataEvents)
        {
            reporter.Message("note: the input holds no data events; data-plane permissions (S3 objects, Lambda Invoke, DynamoDB items, ...) cannot be seen (see --explain)");
        }
    }
}
