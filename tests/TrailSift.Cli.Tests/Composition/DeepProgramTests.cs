using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Composition;

/// <summary>A program deep enough to need a large stack is evaluated on the scan workers, as it was parsed (own process: a stack overflow would end the test host).</summary>
public sealed class DeepProgramTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task Should_Evaluate_A_Chain_Of_40000_Pipes_When_Any_Number_Of_Workers_Scan(string threads)
    {
        // Given a filter that parses on the large parse stack and recurses as deeply when it runs
        string filter = string.Join('|', Enumerable.Repeat(".", 40_000));

        // When (the sample's many files are scanned by the workers)
        using var trailsift = RealCli.Start(["count", "--threads", threads, filter, Path.Combine(RepoPaths.Samples, "emr-launch")]);
        Task<string> stdout = trailsift.StandardOutput.ReadToEndAsync();
        Task<string> stderr = trailsift.StandardError.ReadToEndAsync();
        Assert.True(trailsift.WaitForExit(TimeSpan.FromSeconds(120)), "trailsift did not end");
        string output = await stdout, errors = await stderr;

        // Then every event is counted, as `count` without a filter counts them (no stack overflow, exit 134)
        Assert.True(trailsift.ExitCode == 0, $"exit {trailsift.ExitCode}: {errors[..Math.Min(errors.Length, 300)]}");
        Assert.Equal(CliRunner.Run(["count", Path.Combine(RepoPaths.Samples, "emr-launch")]).Stdout, output);
    }

    [Theory]
    [InlineData("query", "--jq", ".Records | {0} | length", ".Records | length")]
    [InlineData("query", "--jq", "[.Records[] | {0}] | length", "[.Records[]] | length")]
    [InlineData("count", "--by", "{0} | .eventName", ".eventName")]
    public async Task Should_Run_A_Chain_Of_40000_Pipes_As_Its_Shallow_Equivalent_When_Evaluated_Outside_The_Scan_Workers(string command, string option, string deep, string shallow)
    {
        // Given a document-mode program or a group key 40,000 pipes deep
        string chain = string.Join('|', Enumerable.Repeat(".", 40_000));
        string samples = Path.Combine(RepoPaths.Samples, "emr-launch");

        // When
        using var trailsift = RealCli.Start([command, option, deep.Replace("{0}", chain, StringComparison.Ordinal), samples]);
        Task<string> stdout = trailsift.StandardOutput.ReadToEndAsync();
        Task<string> stderr = trailsift.StandardError.ReadToEndAsync();
        Assert.True(trailsift.WaitForExit(TimeSpan.FromSeconds(120)), "trailsift did not end");
        string output = await stdout, errors = await stderr;

        // Then the same output as without the chain (no stack overflow, exit 134)
        Assert.True(trailsift.ExitCode == 0, $"exit {trailsift.ExitCode}: {errors[..Math.Min(errors.Length, 300)]}");
        Assert.Equal(CliRunner.Run([command, option, shallow, samples]).Stdout, output);
    }
}
