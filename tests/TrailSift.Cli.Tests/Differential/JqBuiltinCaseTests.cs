using System.Text;
using System.Text.Json;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Differential;

/// <summary>
/// The hand-written builtin cases (tests/data/jq/builtins.cases): at least three per builtin jq 1.7.1 lists, each
/// compared byte for byte with jq 1.7.1 (jq-wasm); builtins TrailSift does not implement are refused at parse time;
/// libm functions are compared with jq on Linux (glibc). Figures go to .work/jq-cases-builtins.txt.
/// </summary>
public sealed class JqBuiltinCaseTests
{
    private static readonly IReadOnlyList<JqCaseFile.Case> Cases = JqCaseFile.Load("builtins.cases");

    [JqReferenceFact]
    public void Should_PrintWhatJq171Prints_When_RunningTheBuiltinCases()
    {
        // Given the cases of every implemented builtin that jq-wasm computes as jq on Linux does
        var cases = Cases.Where(c => !c.Has("refused") && !c.Has("libm")).ToList();
        using JqReference reference = JqReference.Start();

        // When both run them
        var outcomes = JqCaseRunner.Run(reference, cases);

        // Then every case agrees, except the known divergences (counted in the report)
        AssertAgreement("builtins.cases", "jq-cases-builtins.txt", reference, outcomes);
    }

    internal static void AssertAgreement(string name, string reportFile, JqReference reference, List<JqCaseRunner.Outcome> outcomes)
    {
        // A case where jq-wasm itself aborts or never ends (a crash of jq, e.g. an assertion) has no answer to compare.
        var skipped = outcomes.Where(o => o.Jq.Crash is not null || o.Jq.TimedOut).ToList();
        outcomes = outcomes.Except(skipped).ToList();

        // A section marked refused holds programs jq runs and TrailSift refuses at parse time: exit 3, no output, a
        // message saying what is not supported and a caret (never a different result).
        var refused = outcomes.Where(o => o.Case.Has("refused")).ToList();
        var notRefused = refused.Where(o => !IsRefusal(o.Ours)).ToList();
        outcomes = outcomes.Except(refused).ToList();
        var differing = outcomes.Where(o => !o.Agrees).ToList();
        var unexpected = differing.Where(o => !o.Case.Has("known")).ToList();
        int known = outcomes.Count(o => o.Case.Has("known"));
        string summary = $"{name}: {outcomes.Count + refused.Count} cases run against {reference.Version}: {outcomes.Count - differing.Count} identical, " +
            $"{refused.Count} refused at parse time, {differing.Count} differ ({differing.Count - unexpected.Count} of the {known} marked known); " +
            $"{skipped.Count} skipped (jq-wasm aborted)";
        WriteReport(reportFile, summary, differing);
        Assert.True(unexpected.Count == 0 && notRefused.Count == 0,
            summary + "\n" + string.Join("\n", unexpected.Concat(notRefused).Select(o => o.Describe())));
    }

    [JqReferenceFact]
    public void Should_ListJq171sBuiltins_And_CoverEachWithThreeCases_When_AskedForBuiltins()
    {
        // Given jq 1.7.1's list
        using JqReference reference = JqReference.Start();
        JqReference.Output jq = reference.Run(new JqReference.Request(["-nc", "builtins"]));

        // When trailsift jq lists its builtins
        CliRunner.Result ours = CliRunner.Run(["jq", "-nc", "builtins"]);

        // Then the lists are the same, in the same order, and each name has a section of three cases or more
        Assert.Equal(jq.Stdout, ours.Stdout);
        string[] names = JsonSerializer.Deserialize<string[]>(jq.Stdout)!;
        Assert.True(names.Length > 200, jq.Stdout);
        var perSection = Cases.GroupBy(c => c.Section).ToDictionary(g => g.Key, g => g.Count());
        var missing = names.Where(n => CaseCount(perSection, n) < 3).ToList();
        Assert.True(missing.Count == 0, "builtins with fewer than three cases: " + string.Join(", ", missing));
    }

    [Fact]
    public void Should_RefuseAtParseTimeWithACaret_When_CallingABuiltinTrailSiftDoesNotImplement()
    {
        // Given the cases of the builtins marked refused
        var refused = Cases.Where(c => c.Has("refused")).ToList();
        Assert.NotEmpty(refused);

        foreach (JqCaseFile.Case c in refused)
        {
            // When trailsift jq runs one
            CliRunner.Result ours = CliRunner.Run(["jq", .. c.Args], c.Stdin);

            // Then it is a compile error naming the builtin, with a caret under the call, and no output
            string[] lines = ours.Stderr.Split('\n');
            Assert.True(ours.ExitCode == 3 && ours.Stdout.Length == 0, c + ": " + ours.Stderr);
            Assert.StartsWith("jq: error: " + c.Section + "/0 is a jq builtin that trailsift does not implement", lines[0], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.Trim() == "^");
        }
    }

    [JqLinuxFact]
    public void Should_ComputeLibmFunctionsAsJqOnLinuxDoes_When_RunningTheLibmCases()
    {
        // Given jq on Linux (Debian's jq 1.6: its math builtins are the same glibc calls as jq 1.7.1's)
        var cases = Cases.Where(c => c.Has("libm") && !c.Has("known")).ToList();
        var differing = new List<string>();
        foreach (JqCaseFile.Case c in cases)
        {
            // When both run a case
            JqOutput jq = TrailSift.Testing.Jq.Run(c.Args, s => s.Write(Encoding.UTF8.GetBytes(c.Stdin)));
            CliRunner.Result ours = CliRunner.Run(["jq", .. c.Args], c.Stdin);

            // Then the exit status and every number agree (jq 1.6 prints 17 significant digits, jq 1.7 the shortest)
            if (jq.ExitCode != ours.ExitCode || !SameValues(string.Join("\n", jq.Lines), ours.Stdout))
            {
                differing.Add($"{c}\n  jq {jq.ExitCode} {string.Join("|", jq.Lines)} {jq.Stderr}\n  trailsift {ours.ExitCode} {ours.Stdout} {ours.Stderr}");
            }
        }

        Assert.True(differing.Count == 0, $"{differing.Count} of {cases.Count} libm cases differ from glibc jq:\n" + string.Join("\n", differing));
    }

    /// <summary>A refusal at parse time: exit 3, no output, "not supported" in the message, a caret under the construct.</summary>
    internal static bool IsRefusal(CliRunner.Result ours) =>
        ours.ExitCode == 3 && ours.Stdout.Length == 0 && ours.Stderr.Contains("not supported", StringComparison.Ordinal)
        && ours.Stderr.Split('\n').Any(l => l.Trim() == "^");

    private static int CaseCount(Dictionary<string, int> perSection, string name)
    {
        // A section is named name/arity, or just the name when it has a single arity.
        string bare = name[..name.IndexOf('/')];
        return perSection.GetValueOrDefault(name) + perSection.GetValueOrDefault(bare);
    }

    private static bool SameValues(string a, string b)
    {
        var x = a.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var y = b.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (x.Length != y.Length)
        {
            return false;
        }

        for (int i = 0; i < x.Length; i++)
        {
            using JsonDocument dx = JsonDocument.Parse(x[i]);
            using JsonDocument dy = JsonDocument.Parse(y[i]);
            if (!Same(dx.RootElement, dy.RootElement))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(JsonElement a, JsonElement b) => a.ValueKind == b.ValueKind && a.ValueKind switch
    {
        JsonValueKind.Number => a.GetDouble().Equals(b.GetDouble()),
        JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => Same(p.First, p.Second)),
        JsonValueKind.Object => a.EnumerateObject().Count() == b.EnumerateObject().Count()
            && a.EnumerateObject().All(p => b.TryGetProperty(p.Name, out JsonElement v) && Same(p.Value, v)),
        _ => a.GetRawText() == b.GetRawText(),
    };

    internal static void WriteReport(string file, string summary, IEnumerable<JqCaseRunner.Outcome> differing)
    {
        string work = Path.Combine(RepoPaths.Root, ".work");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, file), summary + "\n" + string.Join("\n", differing.Select(o => o.Describe())) + "\n");
    }
}
