using System.IO.Compression;
using System.Text.Json;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Testing;
using Xunit.Abstractions;
using EventRecord = TrailSift.Core.Events.EventRecord;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>The EMR sample (samples/emr-launch): RunInstances, CreateQueue, CreateTags and RunJobFlow map to the right actions and ARNs.</summary>
public sealed class EmrSampleTests(ITestOutputHelper output)
{
    private const string Account = "123456789012";

    [Fact]
    public void Should_Map_Denied_RunInstances_To_Every_Required_Resource_And_Implied_PassRole()
    {
        // Given
        EventPermissions result = MapFirst("RunInstances", e => e.GetProperty("errorCode").GetString() == "Client.UnauthorizedOperation");

        // Then
        output.WriteLine(MappingCaseTests.Describe(result));
        string[] actions = result.Permissions.Select(p => p.Action).Distinct().ToArray();
        Assert.Equal(["ec2:RunInstances"], actions);
        string[] resources = result.Permissions.Select(p => p.Resource).Order(StringComparer.Ordinal).ToArray();
        string[] expected =
        [
            "arn:aws:ec2:us-east-1::image/ami-0f2b8d4c6a1e3957b",
            $"arn:aws:ec2:us-east-1:{Account}:instance/*",
            $"arn:aws:ec2:us-east-1:{Account}:network-interface/*",
            $"arn:aws:ec2:us-east-1:{Account}:security-group/sg-0c3f5a1e9b7d24e86",
            $"arn:aws:ec2:us-east-1:{Account}:subnet/subnet-0e4c7b21d9a35f6a8",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), resources);
        RequiredPermission passRole = Assert.Single(result.Implied);
        Assert.Equal(("iam:PassRole", "*", true), (passRole.Action, passRole.Resource, passRole.Implied));
        Assert.Contains($"arn:aws:iam::{Account}:instance-profile/EMR_EC2_DefaultRole", passRole.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Authorise_RunInstances_On_Instance_Pattern_And_Report_Launched_Ids_As_Created_When_It_Succeeds()
    {
        // Given
        EventPermissions result = MapFirst("RunInstances", e => !e.TryGetProperty("errorCode", out _)
            && e.GetProperty("userIdentity").GetProperty("arn").GetString()!.Contains("EMR_DefaultRole", StringComparison.Ordinal));

        // Then
        output.WriteLine(MappingCaseTests.Describe(result));
        Assert.Contains(result.Permissions, p => p.ResourceType == "instance" && p.Source == PermissionSource.Created
            && p.Resource == $"arn:aws:ec2:us-east-1:{Account}:instance/*");
        Assert.DoesNotContain(result.Permissions, p => p.Resource.Contains(":instance/i-", StringComparison.Ordinal));
        Assert.Contains(result.Created, c => c.ResourceType == "instance"
            && c.Arn.StartsWith($"arn:aws:ec2:us-east-1:{Account}:instance/i-", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Implied, p => p.Action == "ec2:CreateTags");
    }

    [Fact]
    public void Should_Map_CreateQueue_To_The_Queue_Arn_When_Denied_Or_Not()
    {
        foreach (bool denied in new[] { true, false })
        {
            // Given
            EventPermissions result = MapFirst("CreateQueue", e => e.TryGetProperty("errorCode", out _) == denied);

            // Then
            RequiredPermission permission = Assert.Single(result.Permissions);
            Assert.Equal("sqs:CreateQueue", permission.Action);
            Assert.Matches($"^arn:aws:sqs:us-east-1:{Account}:AWS-ElasticMapReduce-j-[A-Z0-9]{{13}}$", permission.Resource);
            Assert.Equal(PermissionSource.RequestParameter, permission.Source);
        }
    }

    [Fact]
    public void Should_Map_CreateTags_To_Each_Tagged_Instance()
    {
        // Given
        EventPermissions result = MapFirst("CreateTags", e => e.GetProperty("requestParameters").GetProperty("resourcesSet").GetProperty("items").GetArrayLength() == 2);

        // Then
        Assert.Equal(2, result.Permissions.Length);
        Assert.All(result.Permissions, p =>
        {
            Assert.Equal("ec2:CreateTags", p.Action);
            Assert.StartsWith($"arn:aws:ec2:us-east-1:{Account}:instance/i-", p.Resource, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Should_Map_RunJobFlow_With_PassRole_On_The_Service_Role_And_Tagging()
    {
        // Given
        EventPermissions result = MapFirst("RunJobFlow", e => true);

        // Then
        output.WriteLine(MappingCaseTests.Describe(result));
        Assert.Equal(["elasticmapreduce:RunJobFlow *"], result.Permissions.Select(p => $"{p.Action} {p.Resource}"));
        Assert.Contains(result.Implied, p => p.Action == "iam:PassRole" && p.Resource == $"arn:aws:iam::{Account}:role/EMR_DefaultRole_Restricted");
        Assert.Contains(result.Implied, p => p.Action == "iam:PassRole" && p.Resource == "*"
            && p.Note!.Contains("instance-profile/EMR_EC2_DefaultRole", StringComparison.Ordinal));
        Assert.Contains(result.Implied, p => p.Action == "elasticmapreduce:AddTags" && p.Source == PermissionSource.Created
            && p.Resource == $"arn:aws:elasticmapreduce:us-east-1:{Account}:cluster/*");
        Assert.Matches($"^arn:aws:elasticmapreduce:us-east-1:{Account}:cluster/j-[A-Z0-9]+$", Assert.Single(result.Created).Arn);
    }

    [Fact]
    public void Should_Account_For_Every_Event_Of_The_Sample()
    {
        // Given / When
        var unmapped = AllEvents().Select(json =>
        {
            using EventRecord record = EventRecord.Parse(json.GetRawText());
            return (Name: json.GetProperty("eventName").GetString(), Result: EventPermissionMapper.Default.Map(record));
        }).Where(x => !x.Result.IsAccountedFor).Select(x => x.Name).ToList();

        // Then
        Assert.Empty(unmapped);
    }

    private static EventPermissions MapFirst(string eventName, Func<JsonElement, bool> where)
    {
        JsonElement json = AllEvents().First(e => e.GetProperty("eventName").GetString() == eventName && where(e));
        using EventRecord record = EventRecord.Parse(json.GetRawText());
        return EventPermissionMapper.Default.Map(record);
    }

    private static IEnumerable<JsonElement> AllEvents()
    {
        string root = Path.Combine(RepoPaths.Samples, "emr-launch", "AWSLogs", Account, "CloudTrail");
        foreach (string file in Directory.EnumerateFiles(root, "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using JsonDocument document = JsonDocument.Parse(gzip);
            foreach (JsonElement e in document.RootElement.GetProperty("Records").EnumerateArray())
            {
                yield return e.Clone();
            }
        }
    }
}
