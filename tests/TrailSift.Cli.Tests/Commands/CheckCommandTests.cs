using System.Text.Json;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

public sealed class CheckCommandTests
{
    private static string Sample => Path.Combine(RepoPaths.Samples, "emr-launch");

    private static string Policy(string name) => Path.Combine(RepoPaths.Samples, "emr-launch-policies", name);

    private static CliRunner.Result Check(params string[] extra) =>
        CliRunner.Run(["check", "--principal", "EMR_DefaultRole_Restricted", .. extra, Sample]);

    // Paths in the output are repo-relative in the golden files.
    private static string Relative(string text) => text.Replace(RepoPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    [Fact]
    public void Should_Report_Every_RunInstances_Denied_For_Missing_Request_Tag_When_Allow_Needs_The_Tag()
    {
        // Given / When
        var r = Check("--policy", Policy("tag-conditioned.json"));

        // Then
        Assert.Equal(3, r.ExitCode);
        Assert.Equal(12, CountOccurrences(r.Stdout, "DENIED "));
        Assert.Equal(12, CountOccurrences(r.Stdout, "RunInstances: ec2:RunInstances"));
        Assert.Equal(12, CountOccurrences(r.Stdout, "aws:RequestTag/for-use-with-amazon-emr-managed-policies: request missing"));
        Assert.Equal(8, CountOccurrences(r.Stdout, "later tagging: CreateTags at"));
        Golden.Verify("Check", "TagConditioned", Relative(r.Stdout));
    }

    [Fact]
    public void Should_Deny_Nothing_When_Allow_Is_Limited_To_The_Emr_Security_Groups()
    {
        // Given / When
        var r = Check("--policy", Policy("security-group-scoped.json"));

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("DENIED", r.Stdout, StringComparison.Ordinal);
        Golden.Verify("Check", "SecurityGroupScoped", Relative(r.Stdout));
    }

    [Fact]
    public void Should_Print_One_Object_Per_Call_When_Format_Is_Ndjson()
    {
        // Given / When
        var r = Check("--policy", Policy("tag-conditioned.json"), "--format", "ndjson", "--event", "RunInstances,CreateTags");

        // Then
        Assert.Equal(3, r.ExitCode);
        string[] lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(20, lines.Length);
        int denied = 0;
        foreach (string line in lines)
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement o = doc.RootElement;
            foreach (string field in (string[])["eventId", "eventTime", "eventName", "action", "resource", "decision", "reason", "missingKeys"])
            {
                Assert.True(o.TryGetProperty(field, out _), field);
            }

            if (o.GetProperty("eventName").GetString() == "RunInstances")
            {
                denied++;
                Assert.Equal("ImplicitlyDenied", o.GetProperty("decision").GetString());
                Assert.Equal("aws:RequestTag/for-use-with-amazon-emr-managed-policies", o.GetProperty("missingKeys")[0].GetString());
            }
            else
            {
                Assert.Equal("Allowed", o.GetProperty("decision").GetString());
            }
        }

        Assert.Equal(12, denied);
        Assert.Contains("20 calls replayed: 8 allowed, 12 denied, 0 undecidable", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_List_Unmapped_Events_As_Undecidable_When_Replayed()
    {
        // Given
        string events = new EventBuilder("iam.amazonaws.com", "NotCreateUser").Json() + "\n";
        string policy = Path.Combine(Path.GetTempPath(), $"trailsift-check-{Guid.NewGuid():N}.json");
        File.WriteAllText(policy, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        try
        {
            // When
            var r = CliRunner.Run(["check", "--policy", policy], stdin: events);

            // Then
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("UNDECIDABLE NotCreateUser (iam.amazonaws.com), 1 call: unmapped: cannot check", r.Stdout, StringComparison.Ordinal);
            Assert.Contains("1 call replayed: 0 allowed, 0 denied, 1 undecidable", r.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [Fact]
    public void Should_Exit_2_When_A_Policy_Has_Errors()
    {
        // Given
        string policy = Path.Combine(Path.GetTempPath(), $"trailsift-check-{Guid.NewGuid():N}.json");
        File.WriteAllText(policy, """{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}""");
        try
        {
            // When
            var r = CliRunner.Run(["check", "--policy", policy, Sample]);

            // Then
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("Statement[0].Effect: error: invalid value \"allow\"", r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    private static int CountOccurrences(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
