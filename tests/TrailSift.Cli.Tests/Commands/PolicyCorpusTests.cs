using System.Globalization;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Query;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Cli.Tests.Commands;

/// <summary>Per-principal generation over the shared corpus: every mapped call of each principal is allowed by its policy.</summary>
public sealed class PolicyCorpusTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Should_Cover_Every_Mapped_Call_Of_Every_Principal_When_Generating_Per_Principal()
    {
        // Given
        string corpus = RepoPaths.Corpus!;
        using var dir = new TempTree();

        // When
        var r = CliRunner.Run(["policy", "--per-principal", dir.Root, "--no-progress", corpus]);
        PolicyEvidenceCollector evidence = Collect(corpus);

        // Then
        Assert.True(r.ExitCode is 0 or 2, r.Stderr);
        string[] index = File.ReadAllLines(Path.Combine(dir.Root, "index.tsv"));
        var principals = evidence.Principals();
        Assert.Equal(principals.Length, index.Length - 1);
        var failures = new List<string>();
        long tuples = 0, statements = 0, unmappedCalls = 0, unmappedEvents = 0;
        foreach (PrincipalEvidence e in principals)
        {
            GeneratedPolicy policy = PolicyGenerator.Generate(e, evidence.Facts, new PolicyGenerationOptions());
            statements += policy.Statements.Length;
            // A federated user's permissions are its session policy (from GetFederationToken) within the user's.
            bool federated = e.Principal.Contains(":federated-user/", StringComparison.Ordinal);
            var set = new PolicySet(identityPolicies: policy.Documents, sessionPolicy: federated ? Assert.Single(policy.Documents) : null);
            string? account = e.Principal.Split(':') is { Length: > 4 } parts && parts[4].Length > 0 ? parts[4] : null;
            foreach (PermissionEvidence row in e.Permissions)
            {
                if (ArnFields.Problem(row.Resource) is not null)
                {
                    continue; // left out of the document (IAM would reject the ARN) and named in the notes
                }

                tuples++;
                bool wildcardOnly = IamCatalog.Default.TryGetAction(row.Action, out ActionInfo? info) && !info.SupportsResourceLevelPermissions;
                // Tags given at creation are granted under ec2:CreateAction, which EC2 sets to the creating call.
                List<KeyValuePair<string, ContextValue>> context = row.CreateAction is { } create ? [new("ec2:CreateAction", create)] : [];
                if (e.Created.TryGetValue(row.Resource, out WorkloadResource? created))
                {
                    // What the resource was created with (its instance profile), as check's ledger gives it.
                    context.AddRange(created.Attributes.Select(static a => new KeyValuePair<string, ContextValue>(a.Key, a.Value)));
                }

                var request = new RequestContext(row.Action, row.Resource, e.Principal, context, resourceAccount: account, isWildcardOnlyAction: wildcardOnly);
                // What the policy decides (an AWS rule may still refuse a pattern that includes protected roles).
                if (PolicyEvaluator.Evaluate(set, request, includeTrace: false).PolicyDecision != Decision.Allowed)
                {
                    failures.Add($"{row.Action} on {row.Resource}");
                }
            }

            string line = index.Single(l => l.Split('\t')[1] == e.Principal);
            foreach (UnmappedCall u in e.Unmapped)
            {
                unmappedCalls += u.Calls;
                unmappedEvents++;
                Assert.Contains($"{u.EventSource} {u.EventName} (", line, StringComparison.Ordinal);
            }

            Assert.All(line.Split('\t')[0].Split(','), f => Assert.True(File.Exists(Path.Combine(dir.Root, f)), f));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"principals {principals.Length}, statements {statements}, tuples checked {tuples}, not allowed {failures.Count}, unmapped calls {unmappedCalls} ({unmappedEvents} principal/event pairs)"));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(30)));
    }

    private static PolicyEvidenceCollector Collect(string corpus)
    {
        SourceSet sources = new LocalSourceFinder(PruneOptions.None, static (_, _) => { }).Find([corpus]);
        var reader = new MappedPermissionReader(EventPermissionMapper.Default);
        var result = new ParallelScanner { Threads = 2 }.Run(sources.Objects, EventQuery.Compile(EventQuery.Parse(".").Query!),
            () => new PolicyEvidenceCollector(reader), new NullReporter());
        PolicyEvidenceCollector all = result.Sinks[0];
        for (int i = 1; i < result.Sinks.Count; i++)
        {
            all.Merge(result.Sinks[i]);
        }

        return all;
    }

    private sealed class NullReporter : IScanReporter
    {
        public void Report(string path, string reason)
        {
        }
    }
}
