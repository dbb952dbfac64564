using System.Text.Json;
using System.Text.Json.Nodes;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

public sealed class ActionsCommandTests
{
    private static string Events() => string.Join("\n",
        new EventBuilder("sqs.amazonaws.com", "CreateQueue").With("requestParameters", new JsonObject { ["queueName"] = "jobs" }).Json(),
        new EventBuilder("sqs.amazonaws.com", "CreateQueue").With("requestParameters", new JsonObject { ["queueName"] = "jobs2" }).Error("AccessDenied").Json(),
        new EventBuilder("sts.amazonaws.com", "GetCallerIdentity").Json(),
        new EventBuilder("signin.amazonaws.com", "ConsoleLogin").With("eventType", "AwsConsoleSignIn").Json(),
        new EventBuilder("iam.amazonaws.com", "NotCreateUser").Json()) + "\n";

    [Fact]
    public void Should_Print_Permissions_Of_Each_Event_As_Ndjson()
    {
        // Given / When
        var r = CliRunner.Run(["actions", ".eventSource == \"sqs.amazonaws.com\""], stdin: Events());

        // Then
        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        JsonElement root = first.RootElement;
        Assert.Equal("arn:aws:iam::123456789012:user/alice", root.GetProperty("principal").GetString());
        Assert.Equal("CreateQueue", root.GetProperty("eventName").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("errorCode").ValueKind);
        JsonElement permission = Assert.Single(root.GetProperty("permissions").EnumerateArray());
        Assert.Equal("sqs:CreateQueue", permission.GetProperty("action").GetString());
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:jobs", permission.GetProperty("resource").GetString());
        Assert.Equal("requestParameter", permission.GetProperty("source").GetString());
        Assert.Equal(0, root.GetProperty("implied").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("notes").ValueKind);
        Assert.Equal("AccessDenied", JsonDocument.Parse(lines[1]).RootElement.GetProperty("errorCode").GetString());
    }

    [Fact]
    public void Should_Aggregate_Actions_And_Resources_Per_Principal_With_Summary()
    {
        // Given / When
        var r = CliRunner.Run(["actions", "--summary"], stdin: Events());

        // Then
        using JsonDocument doc = JsonDocument.Parse(r.Stdout.TrimEnd('\n'));
        JsonElement root = doc.RootElement;
        Assert.Equal("arn:aws:iam::123456789012:user/alice", root.GetProperty("principal").GetString());
        Assert.Equal(5, root.GetProperty("events").GetInt32());
        JsonElement action = Assert.Single(root.GetProperty("actions").EnumerateArray());
        Assert.Equal("sqs:CreateQueue", action.GetProperty("action").GetString());
        Assert.Equal(2, action.GetProperty("count").GetInt32());
        Assert.Equal(2, action.GetProperty("resources").GetArrayLength());
    }

    [Fact]
    public void Should_List_Each_Pair_With_Its_Mapping_And_The_Share_With_Coverage()
    {
        // Given / When
        var r = CliRunner.Run(["actions", "--coverage"], stdin: Events());

        // Then
        var lines = r.Stdout.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        JsonElement Pair(string name) => lines.Single(l => l.TryGetProperty("eventName", out JsonElement n) && n.GetString() == name);
        Assert.True(Pair("CreateQueue").GetProperty("mapped").GetBoolean());
        Assert.Equal(2, Pair("CreateQueue").GetProperty("count").GetInt32());
        Assert.Equal("sqs:CreateQueue", Pair("CreateQueue").GetProperty("actions")[0].GetString());
        Assert.True(Pair("GetCallerIdentity").GetProperty("permissionless").GetBoolean());
        Assert.True(Pair("GetCallerIdentity").GetProperty("mapped").GetBoolean());
        Assert.True(Pair("ConsoleLogin").GetProperty("notApiCall").GetBoolean());
        Assert.False(Pair("NotCreateUser").GetProperty("mapped").GetBoolean());
        JsonElement share = lines[^1];
        Assert.Equal(4, share.GetProperty("pairs").GetInt32());
        Assert.Equal(3, share.GetProperty("mapped").GetInt32());
        Assert.Equal(0.75, share.GetProperty("share").GetDouble());
    }

    [Fact]
    public void Should_Reject_Summary_With_Coverage()
    {
        var r = CliRunner.Run(["actions", "--summary", "--coverage"], stdin: Events());

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot be combined", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Map_The_Emr_Sample_RunInstances_With_Implied_PassRole()
    {
        // Given
        string sample = Path.Combine(RepoPaths.Samples, "emr-launch");

        // When
        var r = CliRunner.Run(["actions", "--event", "RunInstances", "--denied", sample]);

        // Then
        var lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        JsonElement root = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Contains(root.GetProperty("permissions").EnumerateArray(), p => p.GetProperty("resource").GetString() == "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-0e4c7b21d9a35f6a8");
        JsonElement passRole = Assert.Single(root.GetProperty("implied").EnumerateArray());
        Assert.Equal("iam:PassRole", passRole.GetProperty("action").GetString());
        Assert.Contains("instance-profile/EMR_EC2_DefaultRole", passRole.GetProperty("note").GetString(), StringComparison.Ordinal);
    }
}
