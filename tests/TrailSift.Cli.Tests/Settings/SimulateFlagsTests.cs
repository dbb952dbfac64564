using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Settings;

/// <summary><c>simulate --action … --resource … --context k=v … --policy FILE --caller ARN</c> gives what the same request file gives.</summary>
public sealed class SimulateFlagsTests
{
    private static string Policy => Path.Combine(RepoPaths.Samples, "emr-launch-policies", "tag-conditioned.json");

    private static string[] Flags(params string[] extra) =>
        ["simulate", "--action", "ec2:RunInstances", "--resource", "arn:aws:ec2:us-east-1:123456789012:instance/*",
            "--caller", "arn:aws:iam::123456789012:role/app", "--policy", Policy, .. extra];

    [Fact]
    public void Should_Decide_As_The_Request_File_Does_When_Given_Flags()
    {
        // Given the same request as a file
        using var tree = new TempTree();
        string policy = File.ReadAllText(Policy);
        string request = tree.Write("request.json", $$$"""
            {"request": {"principal": "arn:aws:iam::123456789012:role/app", "action": "ec2:RunInstances",
                         "resource": "arn:aws:ec2:us-east-1:123456789012:instance/*",
                         "context": {"aws:RequestTag/for-use-with-amazon-emr-managed-policies": "true"}},
             "identityPolicies": [{{{policy}}}]}
            """);

        // When
        var viaFlags = CliRunner.Run(Flags("--context", "aws:RequestTag/for-use-with-amazon-emr-managed-policies=true", "--format", "json"));
        var viaFile = CliRunner.Run(["simulate", "--request", request, "--format", "json"]);

        // Then
        Assert.Equal(0, viaFile.ExitCode);
        Assert.Equal(viaFile.ExitCode, viaFlags.ExitCode);
        Assert.Equal(viaFile.Stdout, viaFlags.Stdout);
    }

    [Fact]
    public void Should_Deny_When_The_Condition_Key_Is_Missing()
    {
        var r = CliRunner.Run(Flags());

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("request missing", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "simulate", "--resource", "*" }, "--action is required")]
    [InlineData(new[] { "simulate", "--action", "s3:GetObject", "--context", "novalue" }, "--context: expected key=value")]
    [InlineData(new[] { "simulate", "--action", "s3:GetObject", "--policy", "x.json" }, "--caller ARN is required with --policy")]
    [InlineData(new[] { "simulate", "--action", "s3:GetObject", "--request", "x.json" }, "not both")]
    public void Should_Refuse_When_Flags_Are_Incomplete(string[] args, string message)
    {
        var r = CliRunner.Run(args);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
    }
}
