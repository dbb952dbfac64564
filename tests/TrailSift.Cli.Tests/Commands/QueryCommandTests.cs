using System.Text.Json;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

public sealed class QueryCommandTests
{
    private static TempTree Tree()
    {
        var tree = new TempTree();
        tree.WriteGzip("AWSLogs/123456789012/CloudTrail/us-east-1/2024/05/01/123456789012_CloudTrail_us-east-1_20240501T1005Z_a.json.gz", EventBuilder.RecordsFile(
        [
            new EventBuilder("sqs.amazonaws.com", "CreateQueue").AsRole("EMR_Role").At("2024-05-01T10:01:00Z").Error("AccessDenied", "User: x is not authorized to perform: sqs:createqueue").Json(),
            new EventBuilder("ec2.amazonaws.com", "RunInstances").AsRole("EMR_Role").At("2024-05-01T10:02:00Z").Json(),
            new EventBuilder("s3.amazonaws.com", "ListBuckets").At("2024-05-01T10:00:00Z").Json(),
        ]));
        tree.WriteGzip("AWSLogs/123456789012/CloudTrail/eu-west-1/2024/05/02/123456789012_CloudTrail_eu-west-1_20240502T1005Z_b.json.gz", EventBuilder.RecordsFile(
        [
            new EventBuilder("sqs.amazonaws.com", "CreateQueue").With("awsRegion", "eu-west-1").At("2024-05-02T10:01:00Z").Json(),
        ]));
        return tree;
    }

    [Fact]
    public void Should_Print_Matching_Events_As_Ndjson_When_Piped()
    {
        using TempTree tree = Tree();

        var r = CliRunner.Run(["query", ".eventName == \"CreateQueue\"", tree.Root]);

        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Equal("CreateQueue", JsonDocument.Parse(l).RootElement.GetProperty("eventName").GetString()));
    }

    [Fact]
    public void Should_Combine_Filter_And_Shortcuts_By_And()
    {
        using TempTree tree = Tree();

        var r = CliRunner.Run(["query", ".eventSource == \"sqs.amazonaws.com\"", tree.Root, "--denied", "--principal", "EMR_Role"]);

        Assert.Equal(0, r.ExitCode);
        Assert.Single(r.Stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Should_Exit_1_When_Nothing_Matches()
    {
        using TempTree tree = Tree();

        var r = CliRunner.Run(["query", ".eventName == \"Nope\"", tree.Root]);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
    }

    [Fact]
    public void Should_Exit_2_And_Keep_Results_When_An_Input_Fails()
    {
        using TempTree tree = Tree();
        tree.Write("broken.json", "{\"Records\":[{\"eventName\":\"CreateQueue\"},");

        var r = CliRunner.Run(["query", ".eventName == \"CreateQueue\"", tree.Root]);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal(3, r.Stdout.TrimEnd('\n').Split('\n').Length);
        Assert.Contains("trailsift: " + Path.Combine(tree.Root, "broken.json") + ": unexpected end of data", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Read_Standard_Input_When_No_Path_Is_Given()
    {
        string input = new EventBuilder("sqs.amazonaws.com", "CreateQueue").Json() + "\n" + new EventBuilder().Json() + "\n";

        var r = CliRunner.Run(["query", "select(.eventName == \"CreateQueue\")"], stdin: input);

        Assert.Equal(0, r.ExitCode);
        Assert.Single(r.Stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Should_Prune_By_Region_And_Filter_By_Time()
    {
        using TempTree tree = Tree();

        var region = CliRunner.Run(["query", tree.Root, "--region", "eu-west-1", "--stats"]);
        var time = CliRunner.Run(["query", tree.Root, "--since", "2024-05-01T10:01:00Z", "--until", "2024-05-01T10:02:00Z"]);
        var relative = CliRunner.Run(["query", tree.Root, "--since", "1500m"], now: new DateTimeOffset(2024, 5, 2, 12, 0, 0, TimeSpan.Zero));

        Assert.Single(region.Stdout.TrimEnd('\n').Split('\n'));
        Assert.Contains("opened 1", region.Stderr, StringComparison.Ordinal);
        Assert.Contains("CreateQueue", Assert.Single(time.Stdout.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
        Assert.Contains("eu-west-1", Assert.Single(relative.Stdout.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_Memory_And_GC_Figures_At_The_Scan_End_And_The_End_With_Stats()
    {
        using TempTree tree = Tree();

        var r = CliRunner.Run(["count", tree.Root, "--stats"]);
        var quiet = CliRunner.Run(["count", tree.Root]);

        // Then: one line when the scan ends and one when the command does, after the scan's own figures
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Stderr.Split('\n');
        int scanEnd = Array.FindIndex(lines, l => l.StartsWith("memory (scan end): peak RSS ", StringComparison.Ordinal));
        int end = Array.FindIndex(lines, l => l.StartsWith("memory (end): peak RSS ", StringComparison.Ordinal));
        Assert.True(scanEnd > Array.FindIndex(lines, l => l.StartsWith("time: ", StringComparison.Ordinal)), r.Stderr);
        Assert.True(end > scanEnd, r.Stderr);
        Assert.Matches(@"GC: \d+ collections \(gen1 or 2 \d+, gen2 \d+\), pauses \d+\.\d{3} s, \d+ MB allocated$", lines[end]);
        Assert.DoesNotContain("memory (", quiet.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Read_Standard_Input_Where_A_Dash_Stands_Among_Paths()
    {
        // Given a file before and after '-'
        using var tree = new TempTree();
        string a = tree.Write("a.ndjson", "{\"eventName\":\"A\"}\n");
        string c = tree.Write("c.ndjson", "{\"eventName\":\"C\"}\n");

        // When
        var r = CliRunner.Run(["query", "--format", "ndjson", a, "-", c], stdin: "{\"eventName\":\"B\"}\n");

        // Then: in argument order
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("{\"eventName\":\"A\"}\n{\"eventName\":\"B\"}\n{\"eventName\":\"C\"}\n", r.Stdout);
    }

    [Fact]
    public void Should_Show_Filter_And_Caret_When_Filter_Is_Malformed()
    {
        var r = CliRunner.Run(["query", ".eventName == ", "-"], stdin: "{}");

        Assert.Equal(2, r.ExitCode);
        Golden.Verify("Query", "MalformedFilter", r.Stderr);
    }

    [Fact]
    public void Should_Print_Table_With_Default_Columns_On_A_Terminal()
    {
        using TempTree tree = Tree();

        var r = CliRunner.Run(["query", tree.Root, "--sort", "time"], terminal: true);

        Assert.Equal(0, r.ExitCode);
        Golden.Verify("Query", "DefaultTable", r.Stdout);
    }

    [Fact]
    public void Should_Print_Chosen_Fields_As_Csv()
    {
        using TempTree tree = Tree();

        var r = CliRunner.Run(["query", tree.Root, "--format", "csv", "--fields", ".eventName,.userIdentity.type,.awsRegion"]);

        Assert.Equal("eventName,type,awsRegion\nCreateQueue,IAMUser,eu-west-1\nCreateQueue,AssumedRole,us-east-1\nRunInstances,AssumedRole,us-east-1\nListBuckets,IAMUser,us-east-1\n", r.Stdout);
    }

    [Fact]
    public void Should_Print_One_Array_Of_Events_Pretty_Printed_Like_Jq_When_Format_Is_Json()
    {
        // --format json is one document for every command (docs/json-output.md): the array of the events.
        var r = CliRunner.Run(["query", "--format", "json"], stdin: "{\"eventName\":\"A\",\"a\":[1,{\"b\":null}],\"e\":{},\"f\":[]}");

        Assert.Equal("[\n{\n  \"eventName\": \"A\",\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"e\": {},\n  \"f\": []\n}\n]\n", r.Stdout);
    }

    [Fact]
    public void Should_Give_Same_Output_With_One_Or_Many_Threads()
    {
        using TempTree tree = Tree();

        var one = CliRunner.Run(["query", tree.Root, "--threads", "1"]);
        var four = CliRunner.Run(["query", tree.Root, "--threads", "4"]);

        Assert.Equal(one.Stdout, four.Stdout);
    }
}
