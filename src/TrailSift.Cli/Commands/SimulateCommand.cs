using System.Text;
using System.Text.Json;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Iam.Policy.Lint;
using TrailSift.Core.Output;

namespace TrailSift.Cli.Commands;

/// <summary><c>trailsift simulate [--request FILE]</c>: evaluates one request against its policies, offline.</summary>
public sealed class SimulateCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "simulate";

    /// <inheritdoc />
    public string Usage => "simulate [--request FILE | --action ACTION [--resource ARN] [--context K=V]... [--policy FILE]...] [--format text|json]";

    /// <inheritdoc />
    public string Summary => "evaluate one request (JSON: policies + request) offline and explain the decision";

    /// <inheritdoc />
    public string Details => """
        The request format is in docs/simulate-request.md: a "request" (principal, action, resource,
        context, unknownKeys) and the policies (identityPolicies, permissionBoundaries, sessionPolicy,
        resourcePolicy, serviceControlPolicies, resourceControlPolicies). --format json prints
        {"decision": ..., "trace": [...]}. Exit codes: 0 allowed, 3 denied (whatever the unknown keys
        are), 1 undecidable (depends on unknown keys), 2 error.

        Instead of a request file, the request flags describe one call, as aws iam simulate-custom-policy does:
        --action, --resource, --context key=value (repeat a key for a multivalued key), --policy FILE for each
        identity policy, --resource-policy FILE and --caller ARN.

        Examples:
          trailsift simulate --action ec2:RunInstances --caller arn:aws:iam::123456789012:role/app \
              --policy samples/emr-launch-policies/tag-conditioned.json \
              --context aws:RequestTag/for-use-with-amazon-emr-managed-policies=true
          trailsift simulate --request request.json
          trailsift simulate --format json < request.json
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => SimulateSettings.All;

    /// <summary>The output formats.</summary>
    public static OutputFormats<string> Formats { get; } = new(("text", "text"), ("json", "json"));

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var run = new CommandRun(env);
        ConsoleReporter reporter = run.Reporter;
        if (!Formats.TryRead(args, "text", reporter, out string format))
        {
            return ExitCodes.Error;
        }

        byte[] bytes;
        string name;
        if (SimulateRequestFlags.Given(args))
        {
            if (args.Has(SimulateSettings.Request.Name) || args.Positionals.Count > 0)
            {
                reporter.Message("simulate: give a request file or the request flags, not both");
                return ExitCodes.Error;
            }

            name = "<flags>";
            if (SimulateRequestFlags.Build(args, out string? flagError) is not { } built)
            {
                reporter.Message(flagError!);
                return ExitCodes.Error;
            }

            bytes = built;
        }
        else if (!ReadRequest(args, env, reporter, out bytes, out name))
        {
            return ExitCodes.Error;
        }

        return Evaluate(bytes, name, format, run);
    }

    private static bool ReadRequest(ParsedArgs args, AppEnvironment env, ConsoleReporter reporter, out byte[] bytes, out string name)
    {
        bytes = [];
        string? file = args.Get(SimulateSettings.Request.Name) ?? (args.Positionals.Count > 0 ? args.Positionals[0] : null);
        if (args.Positionals.Count > (args.Has(SimulateSettings.Request.Name) ? 0 : 1))
        {
            reporter.Message("simulate takes one request");
            name = string.Empty;
            return false;
        }

        name = file is null or "-" ? "<stdin>" : file;
        try
        {
            if (file is null or "-")
            {
                if (env.StdinIsTerminal)
                {
                    reporter.Message("no request: give --request FILE, the request flags (--action ...), or pipe one to standard input");
                    return false;
                }

                bytes = PolicyFiles.ReadAll(env.Stdin);
            }
            else
            {
                bytes = File.ReadAllBytes(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Message($"{name}: {(e is FileNotFoundException ? "no such file" : e.Message)}");
            return false;
        }

        return true;
    }

    private static int Evaluate(byte[] bytes, string name, string format, CommandRun run)
    {
        AppEnvironment env = run.Env;
        ConsoleReporter reporter = run.Reporter;

        SimulationParseResult parsed = SimulationRequestParser.Parse(bytes);
        string text = Encoding.UTF8.GetString(bytes);
        foreach (PolicyDiagnostic d in parsed.Diagnostics)
        {
            env.Stderr.WriteLine(PolicyDiagnosticFormatter.Format(name, d, text));
        }

        if (parsed.Request is not SimulationRequest request)
        {
            return ExitCodes.Error;
        }

        // Every policy is linted as its kind: errors stop here (exit 2), warnings are shown.
        bool lintErrors = false;
        foreach (PolicyDiagnostic d in SimulationRequestLinter.Lint(request, PolicyLinter.Default))
        {
            env.Stderr.WriteLine(PolicyDiagnosticFormatter.Format(name, d, text));
            lintErrors |= d.Severity == DiagnosticSeverity.Error;
        }

        if (lintErrors)
        {
            reporter.Message($"{name}: the request's policies have errors (see above); nothing was evaluated");
            return ExitCodes.Error;
        }

        EvaluationResult result = request.Evaluate();
        run.WriteText(writer => SimulationPrinter.Write(result, format == "json", writer), 16 * 1024);

        if (!result.PossibleDecisions.Contains(Decision.Allowed))
        {
            return ExitCodes.WouldDeny;
        }

        return result.IsDecidable ? ExitCodes.Results : ExitCodes.NoResults;
    }
}
