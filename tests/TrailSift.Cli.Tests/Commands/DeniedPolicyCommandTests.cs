using System.Text.RegularExpressions;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Cli.Tests.Commands;

/// <summary><c>denied --policy</c> through the policy generator, its account of every denied call, <c>--summary</c> and <c>--top</c>.</summary>
public sealed partial class DeniedPolicyCommandTests(ITestOutputHelper output)
{
    // 119 services x 3 read-only calls = 357 denied actions, the size of the incident the issue describes.
    private const int Services = 119;

    private static string Sample => Path.Combine(RepoPaths.Samples, "emr-launch");

    [GeneratedRegex("\"Sid\"")]
    private static partial Regex Sid();

    [Fact]
    public void Should_Offer_No_Policy_And_Name_The_Enumeration_When_A_Principal_Probes_Many_Services_In_Minutes()
    {
        // Given the incident pattern: 357 read-only calls on 119 services, two seconds apart, all denied
        using var tree = new TempTree();
        string trail = tree.Write("enum.json", EventBuilder.RecordsFile(DeniedTrail.ReadOnlyProbes(Services, 3, TimeSpan.FromSeconds(2))));

        // When
        var r = CliRunner.Run(["denied", "--policy", trail]);

        // Then no grant-everything policy; the summary says why
        output.WriteLine(r.Stderr);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains("--policy grants 0 of 357 denied calls; 357 from enumeration, never granted", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"enumeration: {DeniedTrail.User} was denied on 119 services (357 actions, 357 calls; 119 services within one hour)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Write_Merged_Split_Lint_Clean_Documents_When_The_Same_Denials_Are_A_Workload_s_Gaps()
    {
        // Given the same 357 denials an hour apart
        using var tree = new TempTree();
        string trail = tree.Write("spread.json", EventBuilder.RecordsFile(DeniedTrail.ReadOnlyProbes(Services, 3, TimeSpan.FromHours(1))));

        // When
        var r = CliRunner.Run(["denied", "--policy", trail]);
        string policy = tree.Write("policy.json", r.Stdout);
        var lint = CliRunner.Run(["lint", policy]);

        // Then: fewer statements than actions, every document within the managed-policy limit, lint finds nothing
        int statements = Sid().Matches(r.Stdout).Count;
        int characters = r.Stdout.Count(static c => !char.IsWhiteSpace(c));
        output.WriteLine($"{statements} statements, {characters} characters; {r.Stderr}");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--policy grants 357 of 357 denied calls", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("split into", r.Stderr, StringComparison.Ordinal);
        Assert.True(statements < 357, $"{statements} statements");
        Assert.Equal(0, lint.ExitCode);
        Assert.Equal(string.Empty, lint.Stdout + lint.Stderr);
        foreach (string size in Regex.Match(r.Stderr, @"documents \(([0-9, ]+)\)").Groups[1].Value.Split(", "))
        {
            Assert.InRange(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), 1, 6144);
        }
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(40, false)]
    public void Should_Grant_Every_Image_Or_None_When_The_Denied_Launches_Name_More_Images_Than_A_Group_Lists(int images, bool granted)
    {
        // Given RunInstances denied an hour apart, each launch from another image (the mapping adds each image ARN)
        using var tree = new TempTree();
        var start = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
        const string action = "ec2:RunInstances";
        string message = $"You are not authorized to perform this operation. User: {DeniedTrail.User} is not authorized to perform: {action} "
            + $"on resource: arn:aws:ec2:us-east-1:123456789012:instance/* because no identity-based policy allows the {action} action";
        var events = Enumerable.Range(0, images).Select(i => DeniedTrail.Denied("ec2.amazonaws.com", "RunInstances", message, start + TimeSpan.FromHours(i),
            $$"""{"instancesSet":{"items":[{"imageId":"ami-{{i:D17}}","minCount":1,"maxCount":1}]},"instanceType":"t3.micro"}""")).ToList();
        string trail = tree.Write("launches.json", EventBuilder.RecordsFile(events));

        // When
        var r = CliRunner.Run(["denied", "--policy", trail]);
        var text = CliRunner.Run(["denied", "--format", "text", trail]);

        // Then: every image is granted, or (past the 32 a group lists) none is and the run says why; never a partial list
        output.WriteLine(r.Stdout + r.Stderr);
        int listed = Regex.Matches(r.Stdout, "image/ami-").Count;
        if (granted)
        {
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(images, listed);
            Assert.DoesNotContain("more than 32 other resources", text.Stdout, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(1, r.ExitCode);
            Assert.Equal(0, listed);
            Assert.Contains("more than 32 other resources of the action: not granted", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("more than 32 other resources of this action: only the first 32", text.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_Split_At_The_Given_Size_When_Max_Size_Is_The_Inline_Role_Limit()
    {
        using var tree = new TempTree();
        string trail = tree.Write("spread.json", EventBuilder.RecordsFile(DeniedTrail.ReadOnlyProbes(Services, 3, TimeSpan.FromHours(1))));

        var managed = CliRunner.Run(["denied", "--policy", trail]);
        var inline = CliRunner.Run(["denied", "--policy", "--max-size", "10240", trail]);

        int Documents(string text) => Regex.Matches(text, "\"Version\"").Count;
        Assert.True(Documents(inline.Stdout) < Documents(managed.Stdout), $"{Documents(inline.Stdout)} vs {Documents(managed.Stdout)}");
    }

    [Fact]
    public void Should_Roll_Groups_Up_Per_Service_And_Reason_And_Merge_Identical_Fixes_With_Summary_And_Top()
    {
        var r = CliRunner.Run(["denied", "--summary", "--top", "2", Sample]);

        Assert.Equal(0, r.ExitCode);
        Golden.Verify("Denied", "Summary", r.Stdout);
    }

    [Fact]
    public void Should_Exit_2_When_Summary_Is_Asked_For_Json_Or_Top_Is_Not_A_Positive_Number()
    {
        Assert.Equal(2, CliRunner.Run(["denied", "--summary", "--format", "json", Sample]).ExitCode);
        Assert.Equal(2, CliRunner.Run(["denied", "--top", "0", Sample]).ExitCode);
        Assert.Equal(2, CliRunner.Run(["denied", "--policy", "--max-size", "12", Sample]).ExitCode);
    }

    [SharedFact]
    public void Should_Write_A_Lint_Clean_Policy_And_Account_For_Every_Denied_Call_On_The_Corpus()
    {
        using var tree = new TempTree();
        var r = CliRunner.Run(["denied", "--policy", RepoPaths.Corpus!]);
        string policy = tree.Write("policy.json", r.Stdout);
        var lint = CliRunner.Run(["lint", policy]);

        output.WriteLine(r.Stderr);
        Assert.Equal(0, lint.ExitCode);
        Assert.Equal(string.Empty, lint.Stdout);
        Match account = Regex.Match(r.Stderr, @"--policy grants (\d+) of (\d+) denied calls; (\d+) refused by another policy type[^;]*; (\d+) unresolvable");
        Assert.True(account.Success, r.Stderr);
        long[] n = [.. account.Groups.Values.Skip(1).Select(static g => long.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(n[1], n[0] + n[2] + n[3]);
        Assert.Contains("the resource ARN has a region or account IAM rejects", r.Stderr, StringComparison.Ordinal);
    }
}
