using System.Text.Json.Nodes;
using EventRecord = TrailSift.Core.Events.EventRecord;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>
/// Data-driven mapping cases from <c>tests/data/iam/mapping/*.json</c>: each case is an event (or its key fields,
/// merged onto a default event) and the permissions it must map to. See the README in that folder for the format.
/// </summary>
public sealed class MappingCaseTests
{
    private static readonly string CaseDirectory = Path.Combine(RepoPaths.TestData, "iam", "mapping");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach ((string name, _) in LoadCases())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Map_Event_As_The_Case_Expects(string name)
    {
        // Given
        JsonObject spec = LoadCases().Single(c => c.Name == name).Case;
        using EventRecord record = EventRecord.Parse(BuildEvent(spec["event"]!.AsObject()).ToJsonString());

        // When
        EventPermissions result = EventPermissionMapper.Default.Map(record);

        // Then
        string actual = Describe(result);
        Assert.True(Enum.Parse<MappingStatus>((string?)spec["status"] ?? "Mapped") == result.Status, $"status\n{actual}");
        if ((string?)spec["prefix"] is { } prefix)
        {
            Assert.True(prefix == result.ServicePrefix, $"prefix\n{actual}");
        }

        if ((string?)spec["operation"] is { } operation)
        {
            Assert.True(operation == result.OperationName, $"operation\n{actual}");
        }

        AssertPermissions(spec["permissions"] as JsonArray, result.Permissions, "permissions", actual);
        AssertPermissions(spec["implied"] as JsonArray, result.Implied, "implied", actual);
        if (spec["created"] is JsonArray created)
        {
            Assert.True(created.Select(c => (string)c!).Order().SequenceEqual(result.Created.Select(c => $"{c.ResourceType} {c.Arn}").Order()),
                $"created: expected\n  {string.Join("\n  ", created)}\n{actual}");
        }

        foreach (JsonNode? note in spec["notes"] as JsonArray ?? [])
        {
            Assert.True(result.Notes.Any(n => n.Contains((string)note!, StringComparison.Ordinal))
                || result.Permissions.Concat(result.Implied).Any(p => p.Note?.Contains((string)note!, StringComparison.Ordinal) == true),
                $"note '{note}' missing\n{actual}");
        }
    }

    [Fact]
    public void Should_Cover_Exceptions_Of_At_Least_40_Services()
    {
        // Given / When
        var services = new HashSet<string>();
        foreach ((_, JsonObject spec) in LoadCases())
        {
            if ((bool?)spec["exception"] == true)
            {
                services.Add((string)spec["prefix"]!);
            }
        }

        // Then
        Assert.True(services.Count >= 40, $"{services.Count} services: {string.Join(", ", services.Order())}");
    }

    internal static JsonObject BuildEvent(JsonObject fields)
    {
        var json = new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["userIdentity"] = new JsonObject
            {
                ["type"] = "IAMUser", ["principalId"] = "AIDAEXAMPLE", ["arn"] = "arn:aws:iam::123456789012:user/alice",
                ["accountId"] = "123456789012", ["userName"] = "alice",
            },
            ["eventTime"] = "2024-05-01T10:00:00Z",
            ["awsRegion"] = "us-east-1",
            ["eventType"] = "AwsApiCall",
            ["recipientAccountId"] = "123456789012",
        };
        foreach ((string key, JsonNode? value) in fields)
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }

    private static void AssertPermissions(JsonArray? expected, IEnumerable<RequiredPermission> actual, string what, string description)
    {
        var want = (expected ?? []).Select(e => (string)e!).ToList();
        var got = actual.ToList();
        var gotText = got.Select(p => $"{p.Action} {p.Resource}").ToList();
        var wantText = want.Select(w => w.Contains(" [", StringComparison.Ordinal) ? w[..w.IndexOf(" [", StringComparison.Ordinal)] : w).ToList();
        Assert.True(wantText.Order().SequenceEqual(gotText.Order()), $"{what}: expected\n  {string.Join("\n  ", wantText)}\n{description}");
        foreach (string w in want.Where(w => w.Contains(" [", StringComparison.Ordinal)))
        {
            string text = w[..w.IndexOf(" [", StringComparison.Ordinal)];
            string source = w[(w.IndexOf(" [", StringComparison.Ordinal) + 2)..].TrimEnd(']');
            RequiredPermission match = got.First(p => $"{p.Action} {p.Resource}" == text);
            Assert.True(source == match.Source.ToString(), $"{what}: {text} source {match.Source}, expected {source}\n{description}");
        }
    }

    internal static string Describe(EventPermissions result)
    {
        var lines = new List<string> { $"status {result.Status}, prefix {result.ServicePrefix}, operation {result.OperationName}" };
        lines.AddRange(result.Permissions.Select(p => $"  permission {p.Action} {p.Resource} [{p.Source}] {p.ResourceType} {p.Note}"));
        lines.AddRange(result.Implied.Select(p => $"  implied {p.Action} {p.Resource} [{p.Source}] {p.Note}"));
        lines.AddRange(result.Created.Select(c => $"  created {c.ResourceType} {c.Arn}"));
        lines.AddRange(result.Notes.Select(n => "  note " + n));
        return string.Join("\n", lines);
    }

    private static List<(string Name, JsonObject Case)> LoadCases()
    {
        var cases = new List<(string, JsonObject)>();
        foreach (string file in Directory.EnumerateFiles(CaseDirectory, "*.json").Order())
        {
            foreach (JsonNode? node in JsonNode.Parse(File.ReadAllText(file))!.AsArray())
            {
                JsonObject spec = node!.AsObject();
                cases.Add(($"{Path.GetFileNameWithoutExtension(file)}: {(string)spec["name"]!}", spec));
            }
        }

        return cases;
    }
}
