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

/// <summary><c>trailsift policy --principal ARN|NAME [FILTER] [PATH...]</c>: a least-privilege policy from the calls a principal made.</summary>
public sealed class PolicyCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "policy";

    /// <inheritdoc />
    public string Usage => "policy --principal ARN|NAME [FILTER] [PATH...] [OPTIONS]";

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

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var reporter = new ConsoleReporter(env.Stderr);
        if (!TryReadOptions(args, reporter, out PolicyFormat format, out PolicyGenerationOptions? options))
        {
            return ExitCodes.Error;
        }

        string? principal = args.Get(ScanOptions.Principal.Name);
        string? directory = args.Get(PolicySettings.PerPrincipal.Name);
        if (principal is null && directory is null)
        {
            reporter.Message("policy: give --principal ARN|NAME, or --per-principal DIR for every principal");
            env.Stderr.WriteLine($"usage: trailsift {Usage}");
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
        var reader = new MappedPermissionReader(new EventPermissionMapper(options.Catalog));
        ScanResult<PolicyScanSink> result = ScanRunner.Run(plan, env, reporter,
            () => new PolicyScanSink(new PolicyEvidenceCollector(reader, includeDenied)), PolicyScanSink.ContextEvents);
        PolicyScanSink merged = result.Sinks[0];
        for (int i = 1; i < result.Sinks.Count; i++)
        {
            merged.Merge(result.Sinks[i]);
        }

        PolicyEvidenceCollector all = merged.Collector;
        InputFacts facts = all.Facts with { Events = result.Stats.Events, DataEvents = merged.DataEvents };
        bool explain = args.Has(PolicySettings.Explain.Name);
        int code = directory is not null
            ? WritePerPrincipal(all, facts, directory, format, explain, options, env, reporter)
            : WriteOne(all, facts, principal!, format, explain, options, env, reporter);
        if (reporter.Problems > 0)
        {
            reporter.Message($"{reporter.Problems} input problem(s); the policy may be incomplete");
            return ExitCodes.Error;
        }

        return code;
    }

    private static bool TryReadOptions(ParsedArgs args, ConsoleReporter reporter, out PolicyFormat format, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PolicyGenerationOptions? options)
    {
        options = null;
        string formatText = (args.Get(PolicySettings.Format.Name) ?? "json").ToLowerInvariant();
        format = formatText switch
        {
            "json" => PolicyFormat.Json,
            "terraform" or "tf" => PolicyFormat.Terraform,
            "cloudformation" or "cfn" => PolicyFormat.CloudFormation,
            _ => (PolicyFormat)(-1),
        };
        if (!Enum.IsDefined(format))
        {
            reporter.Message($"--format: expected json, terraform or cloudformation, got '{formatText}'");
            return false;
        }

        string modeText = (args.Get(PolicySettings.Generalize.Name) ?? "safe").ToLowerInvariant();
        if (modeText is not ("none" or "safe" or "aggressive"))
        {
            reporter.Message($"--generalize: expected none, safe or aggressive, got '{modeText}'");
            return false;
        }

        int maxSize = PolicyGenerationOptions.ManagedPolicyMaxSize;
        if (args.Get(PolicySettings.MaxSize.Name) is string m && (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out maxSize) || maxSize < 100))
        {
            reporter.Message($"--max-size: expected a number of characters (at least 100), got '{m}'");
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
        using (var writer = new StreamWriter(env.Stdout, new UTF8Encoding(false), 64 * 1024, leaveOpen: true))
        {
            writer.NewLine = "\n";
            if (explain)
            {
                PolicyExplanationWriter.Write(policy, writer);
            }
            else
            {
                PolicyPrinter.Write(policy, format, ShortName(policy.Principal), writer);
            }
        }

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

        Directory.CreateDirectory(directory);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = new StringBuilder("file\tprincipal\tdocuments\tstatements\tcalls\tmapped_calls\tunmapped_calls\tunmapped_events\n");
        long statements = 0, unmappedCalls = 0;
        foreach (PrincipalEvidence evidence in principals)
        {
            GeneratedPolicy policy = PolicyGenerator.Generate(evidence, facts, options);
            string name = UniqueName(FileStem(evidence.Principal), used);
            string file = WritePolicyFiles(directory, name, policy, format);
            if (explain)
            {
                WriteFile(Path.Combine(directory, name + ".explain.txt"), w => PolicyExplanationWriter.Write(policy, w));
            }

            long unmapped = 0;
            var unmappedNames = new List<string>();
            foreach (UnmappedCall u in evidence.Unmapped)
            {
                unmapped += u.Calls;
                unmappedNames.Add($"{u.EventSource} {u.EventName} ({u.Calls})");
            }

            statements += policy.Statements.Length;
            unmappedCalls += unmapped;
            index.Append(CultureInfo.InvariantCulture,
                $"{file}\t{evidence.Principal}\t{policy.Documents.Length}\t{policy.Statements.Length}\t{evidence.Calls}\t{evidence.MappedCalls}\t{unmapped}\t{string.Join(", ", unmappedNames)}\n");
        }

        string indexText = index.ToString();
        File.WriteAllText(Path.Combine(directory, "index.tsv"), indexText, new UTF8Encoding(false));
        byte[] bytes = Encoding.UTF8.GetBytes(indexText);
        env.Stdout.Write(bytes);
        env.Stdout.Flush();
        reporter.Message(string.Create(CultureInfo.InvariantCulture,
            $"wrote {principals.Length} policies ({statements} statements) to {directory}; {unmappedCalls} unmapped calls are named in index.tsv"));
        return ExitCodes.Results;
    }

    /// <summary>
    /// Writes a principal's policy; returns the file names, comma-separated. Split JSON policies go to one file per
    /// document (<c>name.1.json</c>, …) so each file is a policy; Terraform and YAML hold several documents in one file.
    /// </summary>
    private static string WritePolicyFiles(string directory, string name, GeneratedPolicy policy, PolicyFormat format)
    {
        string extension = PolicyPrinter.Extension(format);
        if (format != PolicyFormat.Json || !policy.IsSplit)
        {
            WriteFile(Path.Combine(directory, name + extension), w => PolicyPrinter.Write(policy, format, ShortName(policy.Principal), w));
            return name + extension;
        }

        var files = new List<string>();
        for (int i = 0; i < policy.Documents.Length; i++)
        {
            string file = $"{name}.{i + 1}{extension}";
            GeneratedPolicy one = policy with { Documents = [policy.Documents[i]] };
            WriteFile(Path.Combine(directory, file), w => PolicyPrinter.Write(one, format, ShortName(policy.Principal), w));
            files.Add(file);
        }

        return string.Join(',', files);
    }

    private static void WriteFile(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        write(writer);
    }

    private static void WarnOnStderr(GeneratedPolicy policy, ConsoleReporter reporter)
    {
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

    /// <summary>The last name of a principal ARN (role or user name), for Terraform data-source names.</summary>
    private static string ShortName(string principal)
    {
        int slash = principal.LastIndexOf('/');
        return slash >= 0 ? principal[(slash + 1)..] : principal;
    }

    /// <summary><c>arn:aws:iam::123456789012:role/x/Name</c> → <c>123456789012_role_x_Name</c>.</summary>
    private static string FileStem(string principal)
    {
        string[] parts = principal.Split(':', 6);
        string stem = parts.Length == 6 ? parts[4] + "_" + parts[5].Replace('/', '_') : principal;
        return PolicyPrinter.SafeName(stem);
    }

    private static string UniqueName(string stem, HashSet<string> used)
    {
        string name = stem;
        for (int n = 2; !used.Add(name); n++)
        {
            name = $"{stem}_{n}";
        }

        return name;
    }
}
