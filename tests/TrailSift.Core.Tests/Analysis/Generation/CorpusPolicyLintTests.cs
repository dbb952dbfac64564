using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Iam.Policy.Lint;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Analysis.Generation;

/// <summary>Every per-principal policy `policy` writes for the real corpus, read back as text, passes `lint` with no error; warnings are counted and printed.</summary>
public sealed class CorpusPolicyLintTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Should_Find_No_Lint_Error_In_Any_Policy_Generated_From_The_Corpus()
    {
        // Given
        Dictionary<string, GeneratedPolicy> policies = TrailScan.Policies(TrailScan.Evidence(TrailScan.Files(RepoPaths.Corpus!)));

        // When: each document as written, parsed and linted as `trailsift lint` does
        int documents = 0;
        var findings = new List<(string Principal, PolicyDiagnostic Diagnostic)>();
        foreach ((string principal, GeneratedPolicy policy) in policies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (PolicyDocument document in policy.Documents)
            {
                documents++;
                PolicyParseResult parsed = PolicyParser.Parse(PolicyWriter.WriteToString(document));
                findings.AddRange(parsed.Diagnostics.Select(d => (principal, d)));
                if (parsed.Document is { } read)
                {
                    findings.AddRange(PolicyLinter.Default.Lint(read).Select(d => (principal, d)));
                }
            }
        }

        // Then
        var errors = findings.Where(f => f.Diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        var warnings = findings.Where(f => f.Diagnostic.Severity != DiagnosticSeverity.Error).ToList();
        output.WriteLine($"{policies.Count} principals, {documents} documents: {errors.Count} errors, {warnings.Count} warnings");
        foreach (IGrouping<string, (string Principal, PolicyDiagnostic Diagnostic)> group in warnings.GroupBy(w => w.Diagnostic.Message).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {group.Count()} x {group.Key}");
        }

        Assert.True(documents >= policies.Count, $"{documents} documents for {policies.Count} principals");
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20).Select(e => $"{e.Principal}: {e.Diagnostic}")));
    }
}
