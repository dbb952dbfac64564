using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

/// <summary><c>check --iam</c>: a PassRole through an instance profile decided on the role the authorization details
/// put in the profile (here a role with a path and another name than the profile's).</summary>
public sealed class CheckAuthorizationDetailsTests
{
    private const string RealRole = "arn:aws:iam::123456789012:role/emr/EmrInstanceRole";

    private static string Sample => Path.Combine(RepoPaths.Samples, "emr-launch");

    private static string Details => Path.Combine(RepoPaths.TestData, "check", "instance-profile-authz.json");

    private static string Policy(TempTree tree, string passRoleResource) => tree.Write("p.json", $$"""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"ec2:*","Resource":"*"},
          {"Effect":"Allow","Action":"iam:PassRole","Resource":"{{passRoleResource}}"}]}
        """);

    private static CliRunner.Result Check(string policy, params string[] extra) =>
        CliRunner.Run(["check", "--principal", "EMR_DefaultRole_Restricted", "--event", "RunInstances", "--policy", policy, .. extra, Sample]);

    [Fact]
    public void Should_Allow_The_Instance_Profile_PassRole_When_The_Details_Name_The_Allowed_Role()
    {
        // Given: the candidate allows passing exactly the role the profile holds
        using var tree = new TempTree();
        string policy = Policy(tree, RealRole);

        // When
        var without = Check(policy);
        var with = Check(policy, "--iam", Details);

        // Then: without the details the role is one of role/*, so undecidable; with them, allowed
        Assert.Contains("UNDECIDABLE", without.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, with.ExitCode);
        Assert.Contains("0 denied, 0 undecidable", with.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Deny_The_PassRole_On_The_Real_Role_When_The_Candidate_Allows_Only_The_Same_Name_Role()
    {
        // Given: the candidate allows the role named after the profile, which the profile does not hold
        using var tree = new TempTree();
        string policy = Policy(tree, "arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole");

        // When
        var with = Check(policy, "--format", "ndjson", "--iam", Details);

        // Then
        Assert.Equal(3, with.ExitCode);
        Assert.Contains($"\"resource\":\"{RealRole}\"", with.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"decision\":\"ImplicitlyDenied\"", with.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Undecidable", with.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Exit_2_When_The_Iam_File_Is_Not_Authorization_Details()
    {
        // Given
        using var tree = new TempTree();
        string policy = Policy(tree, RealRole);
        string notJson = tree.Write("authz.json", "{ not json");

        // When
        var r = Check(policy, "--iam", notJson);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("authz.json: not JSON", r.Stderr, StringComparison.Ordinal);
    }
}
