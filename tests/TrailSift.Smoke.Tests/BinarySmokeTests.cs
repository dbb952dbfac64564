using TrailSift.Testing;

namespace TrailSift.Smoke.Tests;

public sealed class BinarySmokeTests
{
    private static TempTree ManyEvents()
    {
        var tree = new TempTree();
        for (int f = 0; f < 8; f++)
        {
            tree.WriteGzip($"logs/f{f}.json.gz", EventBuilder.RecordsFile(Enumerable.Range(0, 2000).Select(i => new EventBuilder("sqs.amazonaws.com", "CreateQueue").Json())));
        }

        return tree;
    }

    [Fact]
    public void Should_End_Quietly_When_Output_Pipe_Closes()
    {
        using TempTree tree = ManyEvents();

        // `head -n 1` exits after one line; trailsift must not print an error or hang.
        var r = BinaryRunner.Shell($"$TS query {tree.Root}/logs | head -n 1; echo \"status=${{PIPESTATUS[0]}}\"");

        Assert.Contains("CreateQueue", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("status=0", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Stderr.Trim());
    }

    [Fact]
    public void Should_Follow_Exit_Code_Contract()
    {
        using TempTree tree = ManyEvents();
        tree.WriteBytes("logs/zz-truncated.json.gz", TempTree.Gzip(System.Text.Encoding.UTF8.GetBytes(EventBuilder.RecordsFile([new EventBuilder().Json()])))[..30]);

        var some = BinaryRunner.Shell($"$TS count {tree.Root}/logs/f0.json.gz");
        var none = BinaryRunner.Shell($"$TS count '.eventName == \"Nope\"' {tree.Root}/logs/f0.json.gz");
        var failed = BinaryRunner.Shell($"$TS count {tree.Root}/logs");
        var usage = BinaryRunner.Shell("$TS query --no-such-option");

        Assert.Equal((0, "2000"), (some.ExitCode, some.Stdout.Trim()));
        Assert.Equal(1, none.ExitCode);
        Assert.Equal(2, failed.ExitCode);
        Assert.Equal("16000", failed.Stdout.Trim());
        Assert.Contains("zz-truncated.json.gz: ", failed.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);
    }

    [Fact]
    public void Should_Read_Gzip_From_Standard_Input()
    {
        using TempTree tree = ManyEvents();

        var r = BinaryRunner.Shell($"cat {tree.Root}/logs/f1.json.gz | $TS count -");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("2000", r.Stdout.Trim());
    }
}
