using TrailSift.Core.Iam.Policy;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

public sealed partial class PolicyCommandTests
{
    private const string EmrRole = "EMR_DefaultRole_Restricted";

    private static string Sample => Path.Combine(RepoPaths.Samples, "emr-launch");

    private static CliRunner.Result Policy(params string[] extra) => CliRunner.Run(["policy", "--principal", EmrRole, .. extra, Sample]);

    private static PolicyDocument ParseSingle(string json)
    {
        PolicyParseResult parsed = PolicyParser.Parse(json);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        return parsed.Document!;
    }

    [Fact]
    public void Should_Write_Minimal_Emr_Role_Policy_As_Json()
    {
        // Given / When
        var r = Policy();

        // Then
        Assert.Equal(0, r.ExitCode);
        Golden.Verify("Policy", "EmrRole.json", r.Stdout);
        PolicyDocument doc = ParseSingle(r.Stdout);
        Assert.Equal("2012-10-17", doc.Version);
        Statement sqs = Assert.Single(doc.Statements, s => s.Action!.Values.Any(a => a.StartsWith("sqs:", StringComparison.Ordinal)));
        Assert.Equal(["arn:aws:sqs:us-east-1:123456789012:AWS-ElasticMapReduce-*"], sqs.Resource!.Values.ToArray());
        Assert.DoesNotContain(doc.Statements, s => s.Action!.Values.Contains("sqs:*"));
        Statement run = Assert.Single(doc.Statements, s => s.Action!.Values.Contains("ec2:RunInstances"));
        Assert.Contains(run.Resource!.Values, v => v.Contains(":subnet/subnet-", StringComparison.Ordinal));
        Assert.Contains(run.Resource!.Values, v => v.Contains(":security-group/sg-", StringComparison.Ordinal));
        Assert.Contains(run.Resource!.Values, v => v.Contains(":image/ami-", StringComparison.Ordinal));
        Statement pass = Assert.Single(doc.Statements, s => s.Action!.Values.Contains("iam:PassRole"));
        Assert.Equal(["arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole"], pass.Resource!.Values.ToArray());
    }

    [Fact]
    public void Should_Write_Star_Only_On_Actions_Without_Resource_Types()
    {
        // Given / When
        PolicyDocument doc = ParseSingle(Policy().Stdout);

        // Then
        foreach (Statement s in doc.Statements.Where(s => s.Resource!.Values.Contains("*")))
        {
            foreach (string action in s.Action!.Values)
            {
                Assert.True(Core.Iam.Catalog.IamCatalog.Default.TryGetAction(action, out var info), action);
                Assert.False(info.SupportsResourceLevelPermissions, $"{action} supports resource types but got \"*\"");
            }
        }
    }

    [Theory]
    [InlineData("terraform", "EmrRole.tf")]
    [InlineData("cloudformation", "EmrRole.yaml")]
    public void Should_Write_Emr_Role_Policy_In_Other_Formats(string format, string golden)
    {
        // Given / When
        var r = Policy("--format", format);

        // Then
        Assert.Equal(0, r.ExitCode);
        Golden.Verify("Policy", golden, r.Stdout);
    }

    [Fact]
    public void Should_Explain_Each_Statement_With_Its_Evidence()
    {
        // Given / When
        var r = Policy("--explain");

        // Then
        Assert.Equal(0, r.ExitCode);
        Golden.Verify("Policy", "EmrRole.explain", r.Stdout);
        Assert.Contains("DENIED", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("IMPLIED", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Diff_Cleanly_When_Run_Twice()
    {
        // Given / When
        var a = CliRunner.Run(["policy", "--principal", EmrRole, "--threads", "1", Sample]);
        var b = CliRunner.Run(["policy", "--principal", EmrRole, "--threads", "4", Sample]);

        // Then
        Assert.Equal(a.Stdout, b.Stdout);
    }

    [Fact]
    public void Should_Leave_Out_Denied_Calls_When_Asked()
    {
        // Given / When
        string all = Policy("--explain").Stdout;
        string allowedOnly = Policy("--explain", "--exclude-denied").Stdout;

        // Then
        Assert.Contains("DENIED", all, StringComparison.Ordinal);
        Assert.DoesNotContain(" DENIED,", allowedOnly, StringComparison.Ordinal);
        Assert.Contains("6 denied calls were left out", allowedOnly, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Split_And_Say_So_When_Larger_Than_Max_Size()
    {
        // Given / When
        var r = Policy("--max-size", "700");

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("split into", r.Stderr, StringComparison.Ordinal);
        // Documents follow one another; each ends with a closing brace in the first column.
        var docs = r.Stdout.Split("\n}\n", StringSplitOptions.RemoveEmptyEntries).Select(d => ParseSingle(d + "\n}")).ToList();

        Assert.True(docs.Count > 1);
        Assert.All(docs, d => Assert.True(Core.Analysis.Generation.PolicySize.Of(d) <= 700));
        PolicyDocument whole = ParseSingle(Policy().Stdout);
        Assert.Equal(Grants(whole), docs.SelectMany(Grants).ToHashSet());
    }

    [Fact]
    public void Should_Compress_Actions_Only_To_Wildcards_Covering_Listed_Actions()
    {
        // Given / When
        PolicyDocument doc = ParseSingle(Policy("--compress-actions").Stdout);

        // Then: every wildcard expands to actions the uncompressed policy lists
        var listed = ParseSingle(Policy().Stdout).Statements.SelectMany(s => s.Action!.Values).ToHashSet();
        foreach (string action in doc.Statements.SelectMany(s => s.Action!.Values))
        {
            Assert.All(Core.Iam.Catalog.IamCatalog.Default.ExpandActionPattern(action), a => Assert.Contains(a.FullName, listed));
        }
    }

    [Fact]
    public void Should_Exit_1_When_The_Principal_Made_No_Calls()
    {
        // Given / When
        var r = CliRunner.Run(["policy", "--principal", "nobody-here", Sample]);

        // Then
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no calls by nobody-here", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no principal", new[] { "policy", "-" })]
    [InlineData("format", new[] { "policy", "--principal", "x", "--format", "xml", "-" })]
    [InlineData("generalize", new[] { "policy", "--principal", "x", "--generalize", "wide", "-" })]
    [InlineData("max-size", new[] { "policy", "--principal", "x", "--max-size", "ten", "-" })]
    public void Should_Exit_2_On_Usage_Errors(string problem, string[] args)
    {
        Assert.NotEmpty(problem);

        // Given / When
        var r = CliRunner.Run(args, stdin: "");

        // Then
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void Should_Select_One_Session_When_Asked()
    {
        // Given
        string events = string.Join("\n",
            new EventBuilder("sqs.amazonaws.com", "ListQueues").AsRole("app", "s1").Json(),
            new EventBuilder("sns.amazonaws.com", "ListTopics").AsRole("app", "s2").Json()) + "\n";

        // When
        var r = CliRunner.Run(["policy", "--principal", "app", "--session", "s2", "-"], stdin: events);

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("sns:ListTopics", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("sqs:", r.Stdout, StringComparison.Ordinal);
    }

    private static HashSet<(string, string)> Grants(PolicyDocument d) =>
        d.Statements.SelectMany(s => s.Action!.Values.SelectMany(a => s.Resource!.Values.Select(r => (a, r)))).ToHashSet();

    [Fact]
    public void Should_Write_One_Policy_Per_Principal_With_An_Index()
    {
        // Given
        using var dir = new TempTree();

        // When
        var r = CliRunner.Run(["policy", "--per-principal", dir.Root, "--format", "terraform", "--explain", Sample]);

        // Then
        Assert.Equal(0, r.ExitCode);
        string[] index = File.ReadAllLines(Path.Combine(dir.Root, "index.tsv"));
        Assert.Contains(index, l => l.StartsWith("123456789012_role_EMR_DefaultRole_Restricted.tf\t", StringComparison.Ordinal));
        Assert.DoesNotContain(index, l => l.Contains("elasticmapreduce.amazonaws.com\t", StringComparison.Ordinal));
        foreach (string line in index.Skip(1))
        {
            string file = line.Split('\t')[0];
            Assert.True(File.Exists(Path.Combine(dir.Root, file)), file);
            Assert.True(File.Exists(Path.Combine(dir.Root, Path.GetFileNameWithoutExtension(file) + ".explain.txt")), file);
        }

        Assert.Equal(File.ReadAllText(Path.Combine(dir.Root, "index.tsv")), r.Stdout);
    }

    [Fact]
    public void Should_Write_One_Json_File_Per_Document_When_A_Principal_Policy_Is_Split()
    {
        // Given
        using var dir = new TempTree();

        // When
        var r = CliRunner.Run(["policy", "--per-principal", dir.Root, "--principal", EmrRole, "--max-size", "700", Sample]);

        // Then
        Assert.Equal(0, r.ExitCode);
        string files = File.ReadAllLines(Path.Combine(dir.Root, "index.tsv"))[1].Split('\t')[0];
        Assert.Equal("123456789012_role_EMR_DefaultRole_Restricted.1.json", files.Split(',')[0]);
        Assert.True(files.Split(',').Length > 1);
        Assert.All(files.Split(','), f => Assert.True(Core.Analysis.Generation.PolicySize.Of(ParseSingle(File.ReadAllText(Path.Combine(dir.Root, f)))) <= 700));
    }
}
