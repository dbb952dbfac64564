using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Settings;

/// <summary>A --since/--until window beside the input's data is reported on stderr: "no data" is not "nothing found".</summary>
public sealed class WindowNoteTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly string _logs;

    public WindowNoteTests()
    {
        // A file whose name carries no time, so it is read: its events span 2025-06-03T09:15:00Z to 2025-06-04T18:00:05Z.
        string Event(string id, string time) =>
            $$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/u"},"eventTime":"{{time}}","eventSource":"sqs.amazonaws.com","eventName":"ListQueues","awsRegion":"us-east-1","eventID":"e{{id}}"}""";
        _logs = _tree.Write("logs/trail.json", "{\"Records\":[" + Event("1", "2025-06-04T18:00:05Z") + "," + Event("2", "2025-06-03T09:15:00Z") + "," + Event("3", "2025-06-04T01:00:00Z") + "]}");
    }

    public void Dispose() => _tree.Dispose();

    [Theory]
    [InlineData("--since", "2030-01-01", "(--since 2030-01-01T00:00:00Z)")]
    [InlineData("--until", "2025-06-03T09:15:00Z", "(--until 2025-06-03T09:15:00Z)")]
    public void Should_Say_The_Input_Span_When_The_Window_Misses_The_Data(string option, string when, string window)
    {
        var r = CliRunner.Run(["count", option, when, _logs]);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("0\n", r.Stdout);
        Assert.Contains($"trailsift: no event in the window {window}: the input's events span 2025-06-03T09:15:00Z to 2025-06-04T18:00:05Z\n", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Say_So_Also_When_A_Text_Prefilter_Rejects_The_Records_First()
    {
        var r = CliRunner.Run(["query", "--grep", "no-such-text-anywhere", "--since", "2030-01-01", "--until", "2030-02-01", _logs]);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("(--since 2030-01-01T00:00:00Z --until 2030-02-01T00:00:00Z): the input's events span 2025-06-03T09:15:00Z to 2025-06-04T18:00:05Z", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Note_Anything_When_The_Window_Overlaps_And_Nothing_Matches()
    {
        var r = CliRunner.Run(["count", "--since", "2025-06-04", "--event", "NoSuchEvent", _logs]);

        Assert.Equal(1, r.ExitCode);
        Assert.DoesNotContain("no event in the window", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Say_The_Input_Was_Skipped_By_Path_When_Every_S3_Layout_Directory_Is_Outside_The_Window()
    {
        var r = CliRunner.Run(["count", "--since", "2030-01-01", Path.Combine(RepoPaths.Samples, "emr-launch")]);

        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"trailsift: no event in the window \(--since 2030-01-01T00:00:00Z\): every input was skipped by the date in its path \(\d+ files, [1-9]\d* directories\); the input has no data there", r.Stderr);
    }
}
