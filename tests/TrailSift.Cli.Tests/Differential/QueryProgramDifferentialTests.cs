using System.IO.Compression;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Cli.Tests.Differential;

/// <summary>
/// Every program of tests/data/query/programs.txt, run by <c>trailsift query -c</c> and by real jq over the same files
/// in the same order, prints the same bytes. A jq error ends that file's outputs on both sides (trailsift reports it
/// and exits 2, jq exits 5).
/// </summary>
public sealed class QueryProgramDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Print_What_Jq_Prints_When_Query_Runs_A_Jq_Program_On_The_Sample()
    {
        // Given: the sample's log files (TrailSift skips digest files everywhere: they hold no events)
        Assert.True(Jq.Executable is not null, Jq.Missing);
        string[] files = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "emr-launch"), "*.json.gz", SearchOption.AllDirectories)
            .Where(f => !f.Contains("CloudTrail-Digest", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var differences = new List<string>();

        foreach (string program in LoadPrograms())
        {
            // When
            CliRunner.Result trailsift = CliRunner.Run(["query", "-c", program, .. files]);
            JqOutput jq = Jq.Run(["-c", program], input => WriteDecoded(files, input));

            // Then
            string expected = string.Concat(jq.Lines.Select(l => l + "\n"));
            output.WriteLine($"{jq.Lines.Count,6} lines, jq exit {jq.ExitCode}, trailsift exit {trailsift.ExitCode}: {program}");
            bool bothFailed = jq.ExitCode == 5 && trailsift.ExitCode == 2 && trailsift.Stderr.Contains("jq: error", StringComparison.Ordinal);
            bool bothPassed = jq.ExitCode == 0 && trailsift.ExitCode is 0 or 1 && trailsift.Stderr.Length == 0;
            if (trailsift.Stdout != expected || !(bothFailed || bothPassed))
            {
                differences.Add($"`{program}`: trailsift exit {trailsift.ExitCode} ({trailsift.Stdout.Length} chars, {trailsift.Stderr.Trim()}), jq exit {jq.ExitCode} ({expected.Length} chars, {jq.Stderr.Trim()})");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private static IEnumerable<string> LoadPrograms() =>
        File.ReadAllLines(Path.Combine(RepoPaths.TestData, "query", "programs.txt")).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static void WriteDecoded(IReadOnlyList<string> files, Stream input)
    {
        foreach (string file in files)
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            gzip.CopyTo(input);
            input.WriteByte((byte)'\n');
        }
    }
}
