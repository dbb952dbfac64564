using System.Text.Json.Nodes;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

/// <summary><c>check</c> with no calls to replay, every denied permission of a call, instance-profile PassRole,
/// VPC endpoint policies and the KMS key policy assumption.</summary>
public sealed class CheckRulesTests
{
    private static string Sample => Path.Combine(RepoPaths.Samples, "emr-launch");

    private static string Relative(string text) => text.Replace(RepoPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    private static string Policy(TempTree tree, string name, string statements) =>
        tree.Write(name, $$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""");

    [Fact]
    public void Should_Exit_1_With_No_Calls_By_The_Principal_When_The_Principal_Is_Misspelt()
    {
        // Given
        using var tree = new TempTree();
        string policy = Policy(tree, "p.json", """{"Effect":"Allow","Action":"ec2:*","Resource":"*"}""");

        // When
        var r = CliRunner.Run(["check", "--principal", "EMR_DefaultRole_Restrictd", "--policy", policy, Sample]);

        // Then
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no calls by EMR_DefaultRole_Restrictd in the input", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_List_Every_Denied_Permission_When_Both_RunInstances_And_PassRole_Are_Missing()
    {
        // Given: only the tagging and describe calls are allowed
        using var tree = new TempTree();
        string policy = Policy(tree, "p.json", """{"Effect":"Allow","Action":["ec2:CreateTags","ec2:Describe*"],"Resource":"*"}""");

        // When
        var r = CliRunner.Run(["check", "--principal", "EMR_DefaultRole_Restricted", "--event", "RunInstances", "--policy", policy, Sample]);

        // Then: the PassRole through the instance profile is decided (no role of the account is allowed) and listed too
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("also denied: iam:PassRole on arn:aws:iam::123456789012:role/*: ImplicitlyDenied", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("UNDECIDABLE", r.Stdout, StringComparison.Ordinal);
        Golden.Verify("Check", "EveryDenial", Relative(r.Stdout));
    }

    [Fact]
    public void Should_List_Each_Permission_In_Ndjson_When_A_Call_Needs_Several()
    {
        // Given
        using var tree = new TempTree();
        string policy = Policy(tree, "p.json", """{"Effect":"Allow","Action":"ec2:*","Resource":"*"}""");

        // When
        var r = CliRunner.Run(["check", "--principal", "EMR_DefaultRole_Restricted", "--event", "RunInstances", "--format", "ndjson", "--policy", policy, Sample]);

        // Then: RunInstances itself is allowed, the PassRole of the instance profile's role is not
        Assert.Equal(3, r.ExitCode);
        string first = r.Stdout.Split('\n')[0];
        JsonNode call = JsonNode.Parse(first)!;
        Assert.Equal("iam:PassRole", (string?)call["action"]);
        JsonArray permissions = call["permissions"]!.AsArray();
        Assert.Contains(permissions, p => (string?)p!["action"] == "ec2:RunInstances" && (string?)p["decision"] == "Allowed");
        Assert.Contains(permissions, p => (string?)p!["action"] == "iam:PassRole" && (string?)p["decision"] == "ImplicitlyDenied");
    }

    [Fact]
    public void Should_Allow_The_Instance_Profile_PassRole_When_The_Candidate_Allows_Every_Role()
    {
        // Given
        using var tree = new TempTree();
        string policy = Policy(tree, "p.json", """
            {"Effect":"Allow","Action":"ec2:*","Resource":"*"},
            {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/*"}
            """);

        // When
        var r = CliRunner.Run(["check", "--principal", "EMR_DefaultRole_Restricted", "--event", "RunInstances", "--policy", policy, Sample]);

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("0 denied, 0 undecidable", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Apply_The_Endpoint_Policy_Only_To_Calls_Through_A_Vpc_Endpoint()
    {
        // Given: two GetObject calls, one through an endpoint whose policy allows another bucket only
        using var tree = new TempTree();
        string Get(string key, string? endpoint) => new EventBuilder("s3.amazonaws.com", "GetObject")
            .With("requestParameters", new JsonObject { ["bucketName"] = "data", ["key"] = key })
            .With("vpcEndpointId", endpoint).Json();
        tree.Write("trail/t.json", EventBuilder.RecordsFile([Get("a.txt", null), Get("b.txt", "vpce-0123456789abcdef0")]));
        string identity = Policy(tree, "id.json", """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}""");
        string endpoint = Policy(tree, "vpce.json", """{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::other/*"}""");

        // When
        var without = CliRunner.Run(["check", "--policy", identity, Path.Combine(tree.Root, "trail")]);
        var with = CliRunner.Run(["check", "--policy", identity, "--endpoint-policy", endpoint, Path.Combine(tree.Root, "trail")]);

        // Then
        Assert.Equal(0, without.ExitCode);
        Assert.Contains("1 call went through a VPC endpoint; its policy was not given", without.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, with.ExitCode);
        Assert.Contains("s3:GetObject on arn:aws:s3:::data/b.txt", with.Stdout, StringComparison.Ordinal);
        Assert.Contains("the VPC endpoint policy does not allow the caller", with.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("data/a.txt", with.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 call went through a VPC endpoint: evaluated with --endpoint-policy", with.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Say_It_Assumed_The_Default_Key_Policy_When_Replaying_Kms_Calls()
    {
        // Given
        using var tree = new TempTree();
        const string key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        string decrypt = new EventBuilder("kms.amazonaws.com", "Decrypt")
            .With("requestParameters", new JsonObject { ["keyId"] = key })
            .With("resources", new JsonArray(new JsonObject { ["ARN"] = key, ["type"] = "AWS::KMS::Key", ["accountId"] = "123456789012" }))
            .Json();
        tree.Write("trail/t.json", EventBuilder.RecordsFile([decrypt]));
        string identity = Policy(tree, "id.json", """{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}""");

        // When
        var r = CliRunner.Run(["check", "--policy", identity, Path.Combine(tree.Root, "trail")]);

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("1 call replayed: 1 allowed", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("assumed: 1 permission on KMS keys evaluated with the default key policy", r.Stdout, StringComparison.Ordinal);
    }
}
