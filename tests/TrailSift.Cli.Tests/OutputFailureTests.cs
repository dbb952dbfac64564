using System.Text;
using TrailSift.Cli.Reporting;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests;

/// <summary>Write failures on stdout and stderr (issue #12): a closed pipe ends quietly, anything else is exit 2, never a crash.</summary>
public sealed class OutputFailureTests
{
    private sealed class FailingStream(Func<Exception> failure) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => 0;

        public override long Position { get => 0; set { } }

        public override void Flush() => throw failure();

        public override int Read(byte[] buffer, int offset, int count) => 0;

        public override long Seek(long offset, SeekOrigin origin) => 0;

        public override void SetLength(long value)
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => throw failure();
    }

    private sealed class FullWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device", 28);
    }

    private static (int Code, string Stderr) Run(Stream stdout, TextWriter? stderr, params string[] args)
    {
        var captured = new StringWriter();
        var env = new AppEnvironment(new MemoryStream(), stdout, stderr ?? captured, StdinIsTerminal: true, StdoutIsTerminal: false,
            StderrIsTerminal: false, NoColor: true, ProcessorCount: 2, Time: TimeProvider.System);
        return (App.Run(args, env), captured.ToString());
    }

    public static TheoryData<string[]> Commands => new()
    {
        { new[] { "query", "--format", "ndjson" } },
        { new[] { "query", "--format", "csv" } },
        { new[] { "count", "--by", "eventName" } },
        { new[] { "denied", "--format", "text" } },
        { new[] { "denied", "--format", "ndjson" } },
        { new[] { "actions" } },
        { new[] { "actions", "--summary" } },
        { new[] { "policy", "--principal", "EMR_DefaultRole_Restricted" } },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Should_Exit_2_With_One_Message_When_Stdout_Is_Full(string[] command)
    {
        // Given stdout on a full disk (as > /dev/full)
        var stdout = new FailingStream(() => new IOException("No space left on device", 28));

        // When
        (int code, string stderr) = Run(stdout, null, [.. command, Path.Combine(RepoPaths.Samples, "emr-launch")]);

        // Then
        Assert.Equal(2, code);
        Assert.Single(stderr.Split('\n'), l => l.StartsWith("trailsift: cannot write output: No space left on device", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Should_End_Quietly_With_0_When_The_Pipe_Closes(string[] command)
    {
        var stdout = new FailingStream(() => new IOException("Broken pipe", 32));

        (int code, string stderr) = Run(stdout, null, [.. command, Path.Combine(RepoPaths.Samples, "emr-launch")]);

        Assert.Equal(0, code);
        Assert.DoesNotContain("cannot write", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_A_Closed_Stdout_As_An_Error_Not_A_Crash()
    {
        // .NET reports EBADF on the console as UnauthorizedAccessException; StandardOutputStream makes it an IOException.
        var stdout = new StandardOutputStream(new FailingStream(() => new UnauthorizedAccessException("denied", new IOException("Bad file descriptor"))));

        (int code, string stderr) = Run(stdout, null, "query", "--format", "ndjson", Path.Combine(RepoPaths.Samples, "emr-launch"));

        Assert.Equal(2, code);
        Assert.Contains("cannot write output: Bad file descriptor", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Finish_With_Its_Exit_Code_When_Stderr_Fails()
    {
        // Given stderr on a full disk and a missing input (a message to write)
        var stderr = new TolerantWriter(new FullWriter());

        // When
        (int code, _) = Run(new MemoryStream(), stderr, "query", "--format", "ndjson", Path.Combine(RepoPaths.Samples, "emr-launch"), "missing.json");

        // Then: the input problem still decides the exit code
        Assert.Equal(2, code);
        Assert.True(stderr.Failed);
    }
}
