using System.Text.Json;
using TrailSift.Core.Analysis.Denied.Messages;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Cli.Tests.Commands;

public sealed class DeniedCommandTests(ITestOutputHelper output)
{
    private static string Sample => Path.Combine(RepoPaths.Samples, "emr-launch");

    [Fact]
    public void Should_Print_Grouped_Report_With_Fixes_And_Hints_On_The_Emr_Sample()
    {
        // When
        var r = CliRunner.Run(["denied", Sample], terminal: true);

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("trailsift: 7 denied calls in 4 groups, 2 principals\n", r.Stderr);
        Golden.Verify("Denied", "Report", r.Stdout);
    }

    [Fact]
    public void Should_List_Related_Events_When_Asked()
    {
        var r = CliRunner.Run(["denied", "--related", "--event", "RunInstances", Sample], terminal: true);

        Assert.Equal(0, r.ExitCode);
        Golden.Verify("Denied", "Related", r.Stdout);
    }

    [Fact]
    public void Should_Write_One_Ndjson_Object_Per_Group_When_Piped()
    {
        // When
        var r = CliRunner.Run(["denied", Sample]);

        // Then
        Golden.Verify("Denied", "Ndjson", r.Stdout);
        string[] lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        using var run = JsonDocument.Parse(lines[0]);
        JsonElement g = run.RootElement;
        string[] keys = ["principal", "action", "resource", "reason", "errorCodes", "count", "firstSeen", "lastSeen", "eventIds", "calledBy", "suggestion", "hints"];
        Assert.Equal(keys, g.EnumerateObject().Select(p => p.Name).Take(keys.Length));
        Assert.Equal("arn:aws:iam::123456789012:role/EMR_DefaultRole_Restricted", g.GetProperty("principal").GetString());
        Assert.Equal("ec2:RunInstances", g.GetProperty("action").GetString());
        Assert.Equal("arn:aws:ec2:us-east-1:123456789012:instance/*", g.GetProperty("resource").GetString());
        Assert.Equal("no-identity-allow", g.GetProperty("reason").GetString());
        Assert.Equal(4, g.GetProperty("count").GetInt32());
        Assert.Equal("elasticmapreduce.amazonaws.com", g.GetProperty("calledBy").GetString());
        JsonElement tags = g.GetProperty("hints")[0];
        Assert.Equal("tags-after-creation", tags.GetProperty("kind").GetString());
        Assert.Equal("CreateTags", tags.GetProperty("events")[0].GetProperty("eventName").GetString());
        Assert.Contains(tags.GetProperty("tagKeys").EnumerateArray(), k => k.GetString() == "aws:elasticmapreduce:job-flow-id");

        using var queue = JsonDocument.Parse(lines[1]);
        Assert.Equal("sqs:CreateQueue", queue.RootElement.GetProperty("action").GetString());
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:AWS-ElasticMapReduce-*",
            queue.RootElement.GetProperty("suggestion").GetProperty("statement").GetProperty("Resource").GetString());
    }

    [Fact]
    public void Should_Print_One_Policy_Document_Fixing_Every_Implicit_Identity_Denial()
    {
        var r = CliRunner.Run(["denied", "--policy", Sample]);

        Assert.Equal(0, r.ExitCode);
        Golden.Verify("Denied", "Policy", r.Stdout);
    }

    [Fact]
    public void Should_Write_One_Json_Document_With_Summary()
    {
        var r = CliRunner.Run(["denied", "--format", "json", Sample]);

        using var doc = JsonDocument.Parse(r.Stdout);
        JsonElement summary = doc.RootElement.GetProperty("summary");
        Assert.Equal(7, summary.GetProperty("deniedCalls").GetInt32());
        Assert.Equal(4, summary.GetProperty("groups").GetInt32());
        Assert.Equal(2, summary.GetProperty("principals").GetInt32());
        Assert.Equal(4, doc.RootElement.GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public void Should_Apply_Filter_To_Denials_And_Exit_1_When_None()
    {
        var some = CliRunner.Run(["denied", ".eventSource == \"sqs.amazonaws.com\"", Sample]);
        var none = CliRunner.Run(["denied", "--principal", "alice", Sample]);

        Assert.Equal(2, some.Stdout.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(1, none.ExitCode);
        Assert.Equal(string.Empty, none.Stdout);
    }

    [Fact]
    public void Should_Exit_2_On_Unknown_Format()
    {
        var r = CliRunner.Run(["denied", "--format", "yaml", Sample]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--format", r.Stderr, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Should_Count_Exactly_The_Events_Query_Denied_Finds_On_The_Corpus()
    {
        string corpus = CorpusFactAttribute.Corpus!;

        // When both commands read the corpus
        var query = CliRunner.Run(["query", "--denied", "--format", "ndjson", corpus]);
        var denied = CliRunner.Run(["denied", "--format", "ndjson", corpus]);

        // Then the group counts add up to the query's events
        string[] events = query.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var groups = denied.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        long sum = groups.Sum(g => g.GetProperty("count").GetInt64());
        output.WriteLine($"query --denied: {events.Length} events; denied: {groups.Count} groups, {sum} calls, "
            + $"{groups.Select(g => g.GetProperty("principal").GetString()).Distinct().Count()} principals; {denied.Stderr.Trim()}");
        Assert.True(events.Length > 0);
        Assert.Equal(events.Length, sum);

        // And every message that names an action yields that action
        var actions = groups.Select(g => g.GetProperty("action").GetString()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        int named = 0;
        foreach (string line in events)
        {
            using var e = JsonDocument.Parse(line);
            JsonElement root = e.RootElement;
            DeniedMessage m = DeniedMessageParser.Parse(Text(root, "errorCode"), Text(root, "errorMessage"), Text(root, "eventSource"));
            if (m.Action is not null && !m.ActionInferred)
            {
                named++;
                Assert.Contains(m.Action, actions);
            }
        }

        output.WriteLine($"messages naming an action: {named}");
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
