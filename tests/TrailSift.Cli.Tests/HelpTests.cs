namespace TrailSift.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("Overview", new[] { "--help" })]
    [InlineData("Query", new[] { "query", "--help" })]
    [InlineData("Count", new[] { "count", "--help" })]
    [InlineData("Denied", new[] { "denied", "--help" })]
    [InlineData("Actions", new[] { "actions", "--help" })]
    [InlineData("Policy", new[] { "policy", "--help" })]
    [InlineData("Check", new[] { "check", "--help" })]
    [InlineData("Simulate", new[] { "simulate", "--help" })]
    [InlineData("Lint", new[] { "lint", "--help" })]
    [InlineData("Unused", new[] { "unused", "--help" })]
    [InlineData("Sync", new[] { "sync", "--help" })]
    [InlineData("Jq", new[] { "jq", "--help" })]
    [InlineData("Record", new[] { "record", "--help" })]
    public void Should_Match_Golden_Help(string name, string[] args)
    {
        var r = CliRunner.Run(args);

        Assert.Equal(0, r.ExitCode);
        Golden.Verify("Help", name, r.Stdout);
    }

    [Fact]
    public void Should_Suggest_Option_When_Misspelled()
    {
        var r = CliRunner.Run(["query", "--denyed"]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("did you mean '--denied'?", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public void Should_Print_Help_When_Jq_Gets_A_Help_Option_Anywhere_Like_Jq(string option)
    {
        var r = CliRunner.Run(["jq", "-c", option, ".a"]);

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("usage: trailsift jq", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Keep_Every_Help_Line_Within_Width_And_Continue_Long_Examples_With_A_Backslash()
    {
        foreach (string command in new[] { "query", "count", "denied", "actions", "policy", "check", "simulate", "lint", "unused", "sync", "jq", "record" })
        {
            string[] lines = CliRunner.Run([command, "--help"]).Stdout.Split('\n');
            Assert.All(lines, l => Assert.True(l.Length <= HelpText.Width, $"{command}: {l.Length} columns: {l}"));
            for (int i = 0; i + 1 < lines.Length; i++)
            {
                // A wrapped example ends in " \" and its continuation is indented deeper, so the pair pastes as one command.
                if (lines[i].TrimStart().StartsWith("trailsift ", StringComparison.Ordinal) && lines[i].EndsWith(" \\", StringComparison.Ordinal))
                {
                    int indent = lines[i].Length - lines[i].TrimStart().Length;
                    Assert.True(lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent, $"{command}: {lines[i + 1]}");
                }
            }
        }
    }
}
