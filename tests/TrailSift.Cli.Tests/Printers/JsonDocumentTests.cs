using System.Text.Json;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Printers;

/// <summary>
/// <c>--format json</c> is one JSON document for every command (docs/json-output.md). Where a command also has NDJSON,
/// the document is the array of exactly the NDJSON values: the oracle is the same run in ndjson.
/// </summary>
public sealed class JsonDocumentTests
{
    private static string Sample => Path.Combine(RepoPaths.Samples, "emr-launch");

    private static string Policy => Path.Combine(RepoPaths.Samples, "emr-launch-policies", "security-group-scoped.json");

    public static TheoryData<string, string[]> ArrayCommands => new()
    {
        { "query", ["query", "--event", "RunJobFlow,CreateRole,PassRole,RunInstances", Sample] },
        { "query sorted", ["query", "--sort", "time", "--denied", Sample] },
        { "query limited", ["query", "--limit", "3", Sample] },
        { "actions", ["actions", "--denied", Sample] },
        { "actions summary", ["actions", "--summary", Sample] },
        { "check", ["check", "--policy", Policy, Sample] },
    };

    [Theory]
    [MemberData(nameof(ArrayCommands))]
    public void Should_Print_One_Array_Of_The_Ndjson_Values_When_Format_Is_Json(string command, string[] args)
    {
        // Given the command's NDJSON
        var ndjson = CliRunner.Run([.. args, "--format", "ndjson"]);
        string[] lines = ndjson.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // When it prints JSON
        var json = CliRunner.Run([.. args, "--format", "json"]);

        // Then stdout is one document: the array of the same values, and nothing else changed
        Assert.Equal(ndjson.ExitCode, json.ExitCode);
        Assert.True(lines.Length > 0, $"{command}: no output to compare: {ndjson.Stderr}");
        using JsonDocument doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        Assert.Equal(lines.Length, doc.RootElement.GetArrayLength());
        for (int i = 0; i < lines.Length; i++)
        {
            using JsonDocument line = JsonDocument.Parse(lines[i]);
            Assert.True(JsonElement.DeepEquals(line.RootElement, doc.RootElement[i]), $"{command}: value {i} differs");
        }

        Assert.EndsWith("]\n", json.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Print_An_Empty_Array_When_Nothing_Matches()
    {
        var r = CliRunner.Run(["query", "--event", "NoSuchEvent", "--format", "json", Sample]);

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("[]\n", r.Stdout);
    }

    [Fact]
    public void Should_Print_The_Lint_Findings_As_One_Array_When_Format_Is_Json()
    {
        // Given a policy with a syntax error and one with a grammar finding
        using var tree = new TempTree();
        string broken = tree.Write("broken.json", "{\"Version\": \"2012-10-17\",\n  \"Statement\": [ }");
        string unknown = tree.Write("unknown.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:NoSuchAction","Resource":"*"}]}""");
        var text = CliRunner.Run(["lint", broken, unknown]);

        // When
        var json = CliRunner.Run(["lint", "--format", "json", broken, unknown]);

        // Then one finding object per text line, with file, severity, path or line/column, and message
        Assert.Equal(text.ExitCode, json.ExitCode);
        string[] lines = text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using JsonDocument doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(lines.Length, doc.RootElement.GetArrayLength());
        for (int i = 0; i < lines.Length; i++)
        {
            JsonElement f = doc.RootElement[i];
            string where = f.GetProperty("path").GetString() is { Length: > 0 } path ? path
                : f.GetProperty("line").ValueKind == JsonValueKind.Number ? $"{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()}" : string.Empty;
            string rebuilt = $"{f.GetProperty("file").GetString()}{(where.Length > 0 ? ":" + where : string.Empty)}: {f.GetProperty("severity").GetString()}: {f.GetProperty("message").GetString()}";
            Assert.Equal(lines[i], rebuilt);
        }
    }
}
