using System.Text;
using TrailSift.Core.Analysis.Recording;
using TrailSift.Core.Output.Recording;

namespace TrailSift.Core.Tests.Output.Recording;

public sealed class RecordingWriterTests
{
    private static byte[] Event(string id, string time, string name) =>
        Encoding.UTF8.GetBytes($$"""{"eventID":"{{id}}","eventTime":"{{time}}","eventName":"{{name}}"}""");

    [Fact]
    public void Should_Write_Each_Event_Once_Oldest_First_When_An_Earlier_Recording_Is_Appended_To()
    {
        // Given: an earlier recording with b and a, and this run's c and a newer copy of b
        byte[][] previous = [Event("b", "2025-01-01T00:00:02Z", "Old"), Event("a", "2025-01-01T00:00:01Z", "A")];
        byte[][] events = [Event("c", "2025-01-01T00:00:01Z", "C"), Event("b", "2025-01-01T00:00:02Z", "New")];
        using var output = new MemoryStream();

        // When
        int count = RecordingWriter.WriteEvents(output, previous, events);

        // Then: by time, then by eventID; the later copy of b wins
        Assert.Equal(3, count);
        string[] lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.Equal(["a", "c", "b"], lines[..3].Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("eventID").GetString()));
        Assert.Contains("\"New\"", lines[2], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public void Should_Write_The_Run_Line_With_Optional_Fields_Left_Out_When_They_Are_Unknown()
    {
        // Given
        var run = new RecordingRun
        {
            Command = ["aws", "s3", "ls"], ExitCode = 0, SessionName = "trailsift-1", Events = 2,
            Identity = new RecordedRun
            {
                Start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2025, 1, 1, 0, 0, 5, TimeSpan.Zero),
                AlsoUntil = new DateTimeOffset(2025, 1, 1, 0, 0, 5, TimeSpan.Zero),
            },
            Role = "arn:aws:iam::111122223333:role/app", Regions = [new("eu-west-1", "complete")], CallRegions = ["eu-west-1"],
        };

        // When
        string line = RecordingWriter.RunLine(run);

        // Then
        Assert.Equal("""{"command":["aws","s3","ls"],"exitCode":0,"start":"2025-01-01T00:00:00.0000000Z","end":"2025-01-01T00:00:05.0000000Z","sessionName":"trailsift-1","role":"arn:aws:iam::111122223333:role/app","also":[],"regions":{"eu-west-1":"complete"},"callRegions":["eu-west-1"],"events":2}""", line);
    }
}
