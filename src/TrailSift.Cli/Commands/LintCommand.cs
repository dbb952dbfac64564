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
    public string Usage => "lint POLICY...";

    /// <inheritdoc />
    public string Summary => "check policy files: syntax, unknown actions and condition keys, ARNs, resource types";

    /// <inheritdoc />
    public string Details => """
        One line per finding: file:Statement[i].Element: error|warning: message. Errors: invalid JSON or
        policy grammar, action patterns that match no action, malformed ARNs. Warnings: unknown condition
        keys, an operator that does not fit the key's type, a plain operator on a multivalued key,
        resources no resource type of the statement's actions accepts, ARNs given to actions that support
        only "*". Exit codes: 0 no findings, 1 warnings only, 2 errors (or a file could not be read).

        Examples:
          trailsift lint samples/emr-launch-policies/*.json
          trailsift lint - < policy.json
        """;

    /// <inheritdoc />
    public IReadOnlyList<OptionSpec> Options => LintSettings.All;

    /// <inheritdoc />
    public int Run(ParsedArgs args, AppEnvironment env)
    {
        var reporter = new ConsoleReporter(env.Stderr);
        if (args.Positionals.Count == 0)
        {
            reporter.Message("lint needs at least one policy file ('-' reads standard input)");
            return ExitCodes.Error;
        }

        bool errors = false, warnings = false;
        using var writer = new StreamWriter(env.Stdout, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        foreach (string file in args.Positionals)
        {
            string name = file == "-" ? "<stdin>" : file;
            byte[] bytes;
            try
            {
                bytes = file == "-" ? PolicyFiles.ReadAll(env.Stdin) : File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reporter.Message($"{name}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
                errors = true;
                continue;
            }

            PolicyParseResult parsed = PolicyParser.Parse(bytes);
            var findings = new List<PolicyDiagnostic>(parsed.Diagnostics);
            if (parsed.Document is { } document)
            {
                findings.AddRange(PolicyLinter.Default.Lint(document));
            }

            string text = Encoding.UTF8.GetString(bytes);
            foreach (PolicyDiagnostic finding in findings)
            {
                writer.WriteLine(PolicyDiagnosticFormatter.Format(name, finding, text));
                errors |= finding.Severity == DiagnosticSeverity.Error;
                warnings |= finding.Severity == DiagnosticSeverity.Warning;
            }
        }

        return errors ? ExitCodes.Error : warnings ? ExitCodes.NoResults : ExitCodes.Results;
    }
}
