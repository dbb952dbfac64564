using System.Text;
using TrailSift.Cli.Composition;
using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Output;
using TrailSift.Core.Iam.Policy.Lint;

namespace TrailSift.Cli.Commands;

/// <summary><c>trailsift lint POLICY...</c>: syntax errors and catalog checks of policy files.</summary>
public sealed class LintCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "lint";

    /// <inheritdoc />
    public string Usage => "lint [--type KIND] POLICY...";

    /// <inheritdoc />
    public string Summary => "check policy files: syntax, unknown actions and condition keys, ARNs, resource types";

    /// <inheritdoc />
    public string Details => """
        One line per finding, all of them in one run: file:Statement[i].Element: error|warning: message
        (file#n for the n-th of several documents in a file; line:column for JSON syntax errors). Errors:
        invalid JSON or policy grammar, a Principal where the policy kind forbids one (identity, boundary,
        session, scp) or a missing one (resource, endpoint), duplicate Sids, Sids other than A-Z a-z 0-9
        (IAM kinds), a statement without Resource (IAM kinds), action patterns that match no action, ARNs
        with missing fields, an unknown partition, a bad Region or an account that is not 12 digits.
        Warnings: unknown condition keys, an operator that does not fit the key's type, a plain operator on
        a multivalued key, resources no resource type of the statement's actions accepts, ARNs given to
        actions that support only "*". Reads AWS CLI output too (get-policy-version, get-role-policy,
        get-role, get-bucket-policy, get-key-policy, describe-policy; URL-encoded documents) and several
        documents one after another. Exit codes: 0 no findings, 1 warnings only, 2 errors (or a file could
        not be read).

        Examples:
          trailsift lint samples/emr-launch-policies/*.json
          trailsift lint - < policy.json
          aws iam get-role-policy --role-name app --policy-name p | trailsift lint -
          trailsift lint --type resource bucket-policy.json
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => LintSettings.All;

    /// <summary>The output formats: text lines, or one JSON document (docs/json-output.md).</summary>
    public static OutputFormats<string> Formats { get; } = new(("text", "text"), ("json", "json"));

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var reporter = new ConsoleReporter(env.Stderr);
        if (args.Positionals.Count == 0)
        {
            reporter.Message("lint needs at least one policy file ('-' reads standard input)");
            return ExitCodes.Error;
        }

        if (PolicyKinds.Parse(args.Get(LintSettings.Type.Name)) is not { } kind)
        {
            reporter.Message($"--type: expected one of {PolicyKinds.Names}, got '{args.Get(LintSettings.Type.Name)}'");
            return ExitCodes.Error;
        }

        if (!Formats.TryRead(args, "text", reporter, out string format))
        {
            return ExitCodes.Error;
        }

        bool unreadable = false;
        using (var printer = new LintPrinter(env.Stdout, format == "json"))
        {
            foreach (string file in args.Positionals)
            {
                string name = file == "-" ? "<stdin>" : file;
                if (!PolicyFiles.TryReadBytes(file, env, out byte[] bytes, out string? error))
                {
                    reporter.Message($"{name}: {error}");
                    unreadable = true;
                    continue;
                }

                string text = Encoding.UTF8.GetString(bytes);
                foreach (LintedDocument document in LintedDocument.Read(bytes, kind, PolicyLinter.Default))
                {
                    printer.Write(name, text, document);
                }
            }

            return unreadable || printer.Errors ? ExitCodes.Error : printer.Warnings ? ExitCodes.NoResults : ExitCodes.Results;
        }
    }
}
