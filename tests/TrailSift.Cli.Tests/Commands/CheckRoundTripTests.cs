using System.Globalization;
using System.Text.RegularExpressions;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Cli.Tests.Commands;

/// <summary>
/// The issue's round trip on the EMR sample: the `policy` command's output, checked with `check` against the trail it
/// came from for the same principal, denies nothing.
/// </summary>
public sealed partial class CheckRoundTripTests(ITestOutputHelper output)
{
    private static string Sample => Path.Combine(RepoPaths.Samples, "emr-launch");

    [Fact]
    public void Should_Deny_Nothing_When_The_Emr_Role_Policy_Is_Checked_Against_Its_Own_Trail()
    {
        // Given
        using var dir = new TempTree();
        var policy = CliRunner.Run(["policy", "--principal", "EMR_DefaultRole_Restricted", Sample]);
        Assert.Equal(0, policy.ExitCode);
        string file = dir.Write("emr.json", policy.Stdout);

        // When
        var check = CliRunner.Run(["check", "--policy", file, "--principal", "EMR_DefaultRole_Restricted", Sample]);

        // Then
        Summary s = Summary.Parse(check.Stdout);
        output.WriteLine($"EMR_DefaultRole_Restricted: {s}");
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.Equal(0, s.Denied);
        Assert.True(s.Allowed > 0, s.ToString());
        Assert.Equal(s.Replayed, s.Allowed + s.Undecidable);
    }

    [Fact]
    public void Should_Deny_Nothing_For_Any_Principal_Of_The_Sample_When_Policies_Are_Generated_Per_Principal()
    {
        // Given
        using var dir = new TempTree();
        var policy = CliRunner.Run(["policy", "--per-principal", dir.Root, "--no-progress", Sample]);
        Assert.Equal(0, policy.ExitCode);
        string[] rows = File.ReadAllLines(Path.Combine(dir.Root, "index.tsv"))[1..];
        Assert.NotEmpty(rows);

        foreach (string row in rows)
        {
            // When
            string[] cells = row.Split('\t');
            string principal = cells[1];
            long calls = long.Parse(cells[4], CultureInfo.InvariantCulture);
            string[] policies = [.. cells[0].Split(',').SelectMany(f => new[] { "--policy", Path.Combine(dir.Root, f) })];
            var check = CliRunner.Run(["check", .. policies, "--principal", principal, Sample]);

            // Then: every call `policy` attributed to the principal is the one `check --principal` selects
            Summary s = Summary.Parse(check.Stdout);
            output.WriteLine($"{principal}: {s}");
            Assert.True(check.ExitCode == 0, $"{principal}\n{check.Stdout}{check.Stderr}");
            Assert.Equal(0, s.Denied);
            Assert.Equal(calls, s.Replayed + s.NotReplayed);
        }
    }

    private sealed record Summary(long Replayed, long Allowed, long Denied, long Undecidable, long NotReplayed)
    {
        public static Summary Parse(string text)
        {
            Match m = SummaryLine().Match(text);
            Assert.True(m.Success, text);
            long N(int i) => long.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
            return new Summary(N(1), N(2), N(3), N(4), N(5));
        }

        public override string ToString() =>
            $"{Replayed} calls replayed: {Allowed} allowed, {Denied} denied, {Undecidable} undecidable; {NotReplayed} not replayed";
    }

    [GeneratedRegex(@"(\d+) calls? replayed: (\d+) allowed, (\d+) denied, (\d+) undecidable; (\d+) events not replayed")]
    private static partial Regex SummaryLine();
}
