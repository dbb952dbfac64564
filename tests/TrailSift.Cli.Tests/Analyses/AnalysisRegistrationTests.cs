using System.Text;
using System.Text.Json;
using TrailSift.Cli.Commands;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Analyses;

/// <summary>
/// A new analysis is one file plus one registration (issue #9): <see cref="RegionTally"/> is registered beside the real
/// commands and gets help, option parsing, the shared scan options, <c>--format</c> validation, the scan and exit codes.
/// </summary>
public sealed class AnalysisRegistrationTests
{
    private static readonly IReadOnlyList<ICommand> Commands = [.. App.Commands, new AnalysisCommand(new RegionTally())];

    private static string Events() => string.Join("\n",
        new EventBuilder("sqs.amazonaws.com", "CreateQueue").With("awsRegion", "eu-west-1").Json(),
        new EventBuilder("sqs.amazonaws.com", "DeleteQueue").With("awsRegion", "eu-west-1").Json(),
        new EventBuilder("sts.amazonaws.com", "GetCallerIdentity").With("awsRegion", "us-east-1").Json(),
        new EventBuilder("s3.amazonaws.com", "ListBuckets").With("awsRegion", "us-east-1").Error("AccessDenied").Json(),
        new EventBuilder("s3.amazonaws.com", "ListBuckets").With("awsRegion", "ap-south-1").Json()) + "\n";

    [Fact]
    public void Should_Run_A_Registered_Analysis_End_To_End_When_It_Is_One_File()
    {
        // Given the analysis registered, and events on standard input

        // When it runs with a shared shortcut (--source) and a filter
        (int code, string stdout, string stderr) = Run(["region-tally", "--source", "sqs,sts", "-"], Events());

        // Then the selected events are tallied per region, most first
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Equal("eu-west-1\t2\nus-east-1\t1\n", stdout);
    }

    [Fact]
    public void Should_Gather_Json_Lines_Into_One_Array_When_The_Format_Says_So()
    {
        // When regions with fewer than 2 events are left out
        (int code, string stdout, _) = Run(["region-tally", "--format", "json", "--min", "2", "-"], Events());

        // Then
        Assert.Equal(0, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Equal(["eu-west-1:2", "us-east-1:2"],
            doc.RootElement.EnumerateArray().Select(e => $"{e.GetProperty("region").GetString()}:{e.GetProperty("events").GetInt32()}"));
    }

    [Fact]
    public void Should_Exit_One_When_Nothing_Is_Selected()
    {
        // When
        (int code, string stdout, _) = Run(["region-tally", "--event", "NoSuchCall", "-"], Events());

        // Then
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData("--format", "xml", "trailsift: --format: expected text or json, got 'xml'")]
    [InlineData("--min", "many", "trailsift: --min: expected a number, got 'many'")]
    public void Should_Refuse_Bad_Options_With_One_Message_When_They_Are_Invalid(string option, string value, string message)
    {
        // When
        (int code, string stdout, string stderr) = Run(["region-tally", option, value, "-"], Events());

        // Then
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(message, stderr.TrimEnd('\n'));
    }

    [Fact]
    public void Should_Show_Its_Options_Beside_The_Shared_Ones_When_Help_Is_Asked()
    {
        // When
        (int code, string stdout, _) = Run(["region-tally", "--help"], "");

        // Then
        Assert.Equal(0, code);
        Assert.StartsWith("usage: trailsift region-tally [--min N] [FILTER] [PATH...] [OPTIONS]\n", stdout, StringComparison.Ordinal);
        Assert.Contains("--min N", stdout, StringComparison.Ordinal);
        Assert.Contains("-f, --format FORMAT", stdout, StringComparison.Ordinal);
        Assert.Contains("--principal WHO", stdout, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(string[] args, string stdin)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var env = new AppEnvironment(new MemoryStream(Encoding.UTF8.GetBytes(stdin)), stdout, stderr, StdinIsTerminal: false,
            StdoutIsTerminal: false, StderrIsTerminal: false, NoColor: true, ProcessorCount: 2, Time: TimeProvider.System);
        int code = App.RunWith(args, env, Commands);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }
}
