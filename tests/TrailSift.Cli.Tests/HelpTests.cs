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
}
