using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

public sealed class CountCommandTests
{
    private static string Events() => string.Join("\n",
        new EventBuilder("sqs.amazonaws.com", "CreateQueue").Json(),
        new EventBuilder("sqs.amazonaws.com", "CreateQueue").Error("AccessDenied").Json(),
        new EventBuilder("ec2.amazonaws.com", "RunInstances").Json(),
        new EventBuilder("sqs.amazonaws.com", "DeleteQueue").Json()) + "\n";

    [Fact]
    public void Should_Print_Total_When_No_Grouping()
    {
        var r = CliRunner.Run(["count"], stdin: Events());

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("4\n", r.Stdout);
    }

    [Fact]
    public void Should_Group_By_Paths_Sorted_By_Count_Then_Key()
    {
        var r = CliRunner.Run(["count", "--by", "eventName", "--format", "ndjson"], stdin: Events());

        Assert.Equal("{\"eventName\":\"CreateQueue\",\"count\":2}\n{\"eventName\":\"DeleteQueue\",\"count\":1}\n{\"eventName\":\"RunInstances\",\"count\":1}\n", r.Stdout);
    }

    [Fact]
    public void Should_Name_Keys_By_Whole_Path_When_Last_Names_Clash_And_Keep_Null()
    {
        var r = CliRunner.Run(["count", "--by", ".eventName,.errorCode", "--format", "ndjson", "--top", "1"], stdin: Events());

        Assert.Equal("{\"eventName\":\"CreateQueue\",\"errorCode\":\"AccessDenied\",\"count\":1}\n", r.Stdout);
    }

    [Fact]
    public void Should_Print_Aligned_Table_On_A_Terminal()
    {
        var r = CliRunner.Run(["count", "--by", ".eventSource,.eventName"], stdin: Events(), terminal: true);

        Golden.Verify("Count", "Table", r.Stdout);
    }

    [Fact]
    public void Should_Exit_1_When_Nothing_Is_Counted()
    {
        var r = CliRunner.Run(["count", ".eventName == \"X\""], stdin: Events());

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("0\n", r.Stdout);
    }
}
