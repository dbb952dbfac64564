using System.Text;
using System.Text.Json;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Differential;

/// <summary>
/// <c>trailsift jq</c> against jq 1.7.1 (jq-wasm) on generated programs: stdout byte for byte (after jq's own
/// formatting, with -c, -r, -S, --tab, -j, -a), exit status, and stderr (compile errors by their message text, as
/// <see cref="JqCaseRunner.SameStderr"/> compares them: TrailSift adds a column and a caret). The seed and count come from
/// TRAILSIFT_JQ_DIFF_SEED (default 1) and TRAILSIFT_JQ_DIFF_COUNT (default 1000); the figures of the run are written
/// to .work/jq-differential.txt. The known state is a ratchet (tests/data/jq/differential-baseline.json): the test
/// fails when the default run has more mismatches than recorded there, so the count can only go down.
/// </summary>
public sealed class JqCommandDifferentialTests
{
    [JqReferenceFact]
    public void Should_PrintWhatJq171Prints_When_RunningGeneratedPrograms()
    {
        // Given generated programs and jq 1.7.1's answers
        int seed = int.TryParse(Environment.GetEnvironmentVariable("TRAILSIFT_JQ_DIFF_SEED"), out int s) ? s : 1;
        int count = int.TryParse(Environment.GetEnvironmentVariable("TRAILSIFT_JQ_DIFF_COUNT"), out int n) ? n : 1000;
        var generator = new JqProgramGenerator(seed);
        var cases = Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();
        using JqReference reference = JqReference.Start();
        var expected = reference.Run(cases.Select(c => new JqReference.Request(c.Args, c.Input, TimeoutMs: 3000)).ToList());

        // When trailsift jq runs each of them
        var report = new StringBuilder();
        int compared = 0, stdoutDiffers = 0, statusDiffers = 0, stderrDiffers = 0, skipped = 0, refused = 0, identical = 0;
        for (int i = 0; i < cases.Count; i++)
        {
            JqReference.Output jq = expected[i];
            if (jq.TimedOut || jq.Crash is not null)
            {
                skipped++;
                continue;
            }

            compared++;
            CliRunner.Result ours = CliRunner.Run(["jq", .. cases[i].Args], cases[i].Input);
            if (jq.Status != 3 && JqBuiltinCaseTests.IsRefusal(ours))
            {
                refused++; // jq runs it, TrailSift refuses it at parse time with a caret: never a different result
                report.AppendLine("refused " + i + ": " + cases[i] + "\n  " + ours.Stderr.Split('\n')[0]);
                continue;
            }

            bool outDiff = ours.Stdout != jq.Stdout, statusDiff = ours.ExitCode != jq.Status, errDiff = !JqCaseRunner.SameStderr(ours, jq);
            stdoutDiffers += outDiff ? 1 : 0;
            statusDiffers += statusDiff ? 1 : 0;
            stderrDiffers += errDiff ? 1 : 0;
            identical += outDiff || statusDiff || errDiff ? 0 : 1;
            if (outDiff || statusDiff || errDiff)
            {
                report.AppendLine("case " + i + ": " + cases[i])
                    .AppendLine("  jq 1.7.1  status " + jq.Status + " stdout " + JsonSerializer.Serialize(jq.Stdout) + " stderr " + JsonSerializer.Serialize(jq.Stderr))
                    .AppendLine("  trailsift status " + ours.ExitCode + " stdout " + JsonSerializer.Serialize(ours.Stdout) + " stderr " + JsonSerializer.Serialize(ours.Stderr));
            }
        }

        string summary = $"seed {seed}, {count} programs, {compared} run ({skipped} skipped: jq timed out or aborted): {identical} identical, " +
            $"{refused} refused at parse time; stdout differs {stdoutDiffers}, exit status differs {statusDiffers}, stderr differs {stderrDiffers} ({reference.Version})";
        string work = Path.Combine(RepoPaths.Root, ".work");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "jq-differential.txt"), summary + "\n" + report);

        // Then no more programs differ than the recorded baseline allows
        using JsonDocument baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.TestData, "jq", "differential-baseline.json")));
        if (seed == 1 && count == baseline.RootElement.GetProperty("programs").GetInt32())
        {
            int allowedStdout = baseline.RootElement.GetProperty("stdoutDiffers").GetInt32();
            int allowedStatus = baseline.RootElement.GetProperty("statusDiffers").GetInt32();
            Assert.True(stdoutDiffers <= allowedStdout && statusDiffers <= allowedStatus,
                summary + " (baseline: stdout " + allowedStdout + ", status " + allowedStatus + ")\n" + report);
        }
        else
        {
            Assert.True(stdoutDiffers == 0 && statusDiffers == 0, summary + "\n" + report);
        }
    }
}
