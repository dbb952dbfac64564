using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Generalization;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Iam.Policy;
using static TrailSift.Core.Tests.Analysis.Generation.GenerationFixtures;

namespace TrailSift.Core.Tests.Analysis.Generation;

public sealed class PolicyGeneratorTests
{
    private const string Sqs = "arn:aws:sqs:us-east-1:123456789012:";

    private static readonly PolicyGenerationOptions Safe = new();

    private static GeneratedPolicy Generate(PolicyGenerationOptions options, params RequiredPermission[] tuples) =>
        PolicyGenerator.Generate(Evidence(tuples), Facts, options);

    private static string[] ResourcesOf(GeneratedPolicy p, string sid) =>
        [.. p.Statements.Single(s => s.Sid == sid).Statement.Resource!.Values];

    [Fact]
    public void Should_Widen_Queues_To_Stem_When_Two_Generated_Names_Share_It()
    {
        // Given / When
        GeneratedPolicy p = Generate(Safe,
            P("sqs:CreateQueue", Sqs + "AWS-ElasticMapReduce-j-2AXXXXXXGAPLF", "queue"),
            P("sqs:CreateQueue", Sqs + "AWS-ElasticMapReduce-j-3BYYYYYYYYYYY", "queue"));

        // Then
        Assert.Equal([Sqs + "AWS-ElasticMapReduce-*"], ResourcesOf(p, "SqsCreateQueue"));
        Assert.Equal(2, p.Statements[0].Resources[0].Evidence.Length);
    }

    [Fact]
    public void Should_Keep_PassRole_Exact_Under_Safe_And_Widen_Only_When_Aggressive()
    {
        // Given: two roles that share a stem, as the CI user passes EMR_DefaultRole_Restricted and EMR_EC2_DefaultRole
        RequiredPermission[] tuples =
        [
            P("iam:PassRole", "arn:aws:iam::123456789012:role/EMR_DefaultRole_Restricted", "role"),
            P("iam:PassRole", "arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole", "role"),
        ];

        // When
        GeneratedPolicy safe = Generate(Safe, tuples);
        GeneratedPolicy aggressive = Generate(Safe with { Generalization = GeneralizationMode.Aggressive }, tuples);

        // Then: a PassRole wildcard would let the principal pass roles it never passed
        Assert.Equal(["arn:aws:iam::123456789012:role/EMR_DefaultRole_Restricted", "arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole"], ResourcesOf(safe, "IamPassRole"));
        Assert.Equal(["arn:aws:iam::123456789012:role/EMR_*"], ResourcesOf(aggressive, "IamPassRole"));
    }

    [Theory]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:app-a", "arn:aws:sqs:us-east-1:210987654321:app-b")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:app-a", "arn:aws:sqs:eu-west-1:123456789012:app-b")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:app-a", "arn:aws-cn:sqs:us-east-1:123456789012:app-b")]
    [InlineData("arn:aws:sqs:us-east-1:123456789012:orders", "arn:aws:sqs:us-east-1:123456789012:payments")]
    public void Should_Keep_Exact_Arns_When_They_Differ_In_Account_Region_Partition_Or_Share_No_Stem(string a, string b)
    {
        // Given / When
        GeneratedPolicy p = Generate(Safe, P("sqs:DeleteQueue", a, "queue"), P("sqs:DeleteQueue", b, "queue"));

        // Then
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), ResourcesOf(p, "SqsDeleteQueue"));
    }

    [Fact]
    public void Should_Keep_One_Value_Exact_And_Never_Write_Star_For_Resource_Level_Actions()
    {
        // Given / When
        GeneratedPolicy p = Generate(Safe, P("sqs:DeleteQueue", Sqs + "AWS-ElasticMapReduce-j-2AXXXXXXGAPLF", "queue"));

        // Then
        Assert.Equal([Sqs + "AWS-ElasticMapReduce-j-2AXXXXXXGAPLF"], ResourcesOf(p, "SqsDeleteQueue"));
    }

    [Fact]
    public void Should_Not_Widen_Across_Path_Levels_The_Values_Did_Not_Reach()
    {
        // Given: two objects at different depths under one prefix
        GeneratedPolicy p = Generate(Safe,
            P("s3:GetObject", "arn:aws:s3:::bucket/logs/app-1.txt", "object"),
            P("s3:GetObject", "arn:aws:s3:::bucket/logs/app-2/deep/x.txt", "object"));

        // Then: no "arn:aws:s3:::bucket/logs/app-*" that would also match every deeper path
        Assert.DoesNotContain(ResourcesOf(p, "S3GetObject"), r => r.EndsWith("app-*", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Write_Star_Only_For_Actions_Without_Resource_Types_Unless_Aggressive()
    {
        // Given / When
        GeneratedPolicy safe = Generate(Safe, P("ec2:DescribeInstances", "*"), P("sqs:DeleteQueue", Sqs + "a", "queue"), P("sqs:DeleteQueue", Sqs + "b", "queue"));
        GeneratedPolicy aggressive = Generate(Safe with { Generalization = GeneralizationMode.Aggressive },
            P("sqs:DeleteQueue", Sqs + "orders", "queue"), P("sqs:DeleteQueue", Sqs + "payments", "queue"));

        // Then
        Assert.Equal(["*"], ResourcesOf(safe, "Ec2DescribeInstances"));
        Assert.Equal([Sqs + "a", Sqs + "b"], ResourcesOf(safe, "SqsDeleteQueue"));
        Assert.Equal([Sqs + "*"], ResourcesOf(aggressive, "SqsDeleteQueue"));
    }

    [Fact]
    public void Should_Group_Actions_That_Share_A_Resource_Set_Into_One_Statement()
    {
        // Given / When
        GeneratedPolicy p = Generate(Safe,
            P("sqs:DeleteQueue", Sqs + "q", "queue"), P("sqs:GetQueueUrl", Sqs + "q", "queue"),
            P("sqs:CreateQueue", Sqs + "other", "queue"), P("ec2:DescribeSubnets", "*"), P("ec2:DescribeInstances", "*"));

        // Then
        Assert.Equal(["Ec2DescribeInstances", "SqsCreateQueue", "SqsDeleteQueue"], p.Statements.Select(s => s.Sid));
        Assert.Equal(["sqs:DeleteQueue", "sqs:GetQueueUrl"], p.Statements[2].Statement.Action!.Values.ToArray());
        Assert.Equal(["ec2:DescribeInstances", "ec2:DescribeSubnets"], p.Statements[0].Statement.Action!.Values.ToArray());
    }

    [Fact]
    public void Should_Give_The_Same_Document_When_Evidence_Arrives_In_Another_Order()
    {
        // Given
        RequiredPermission[] tuples =
        [
            P("sqs:DeleteQueue", Sqs + "q-1", "queue"), P("sqs:DeleteQueue", Sqs + "q-2", "queue"),
            P("ec2:DescribeInstances", "*"), P("iam:PassRole", "arn:aws:iam::123456789012:role/r", "role", implied: true),
        ];

        // When
        string a = PolicyWriter.WriteToString(Generate(Safe, tuples).Documents[0]);
        string b = PolicyWriter.WriteToString(Generate(Safe, [.. tuples.Reverse()]).Documents[0]);

        // Then
        Assert.Equal(a, b);
    }

    [Fact]
    public void Should_Split_Into_Documents_Under_Max_Size_And_Keep_Every_Permission()
    {
        // Given: 60 queues in different accounts (nothing can be widened)
        var tuples = new List<RequiredPermission>();
        for (int i = 0; i < 60; i++)
        {
            tuples.Add(P("sqs:DeleteQueue", $"arn:aws:sqs:us-east-1:{100000000000 + i}:orders", "queue"));
            tuples.Add(P("sns:Publish", $"arn:aws:sns:us-east-1:{100000000000 + i}:alerts", "topic"));
        }

        // When
        GeneratedPolicy p = Generate(Safe with { MaxSize = 1000 }, [.. tuples]);

        // Then
        Assert.True(p.IsSplit);
        Assert.All(p.Documents, d => Assert.InRange(PolicySize.Of(d), 1, 1000));
        Assert.Equal(p.Sizes, p.Documents.Select(PolicySize.Of));
        var granted = p.Documents.SelectMany(d => d.Statements)
            .SelectMany(s => s.Action!.Values.SelectMany(a => s.Resource!.Values.Select(r => (a, r)))).ToHashSet();
        Assert.All(tuples, t => Assert.Contains((t.Action, t.Resource), granted));
        Assert.Contains(p.Notes, n => n.Contains("split into", StringComparison.Ordinal));
        Assert.Equal(p.Statements.Select(s => s.Sid).Distinct().Count(), p.Statements.Length);
    }

    [Fact]
    public void Should_Not_Split_When_The_Policy_Fits()
    {
        // Given / When
        GeneratedPolicy p = Generate(Safe, P("ec2:DescribeInstances", "*"));

        // Then
        Assert.False(p.IsSplit);
        Assert.Equal(PolicySize.Of(p.Documents[0]), p.Sizes[0]);
    }

    [Fact]
    public void Should_Flag_Implied_Permissions_And_Warn_When_Input_Has_No_Data_Events()
    {
        // Given / When
        GeneratedPolicy p = PolicyGenerator.Generate(
            Evidence(P("iam:PassRole", "arn:aws:iam::123456789012:role/r", "role", implied: true)), new InputFacts { Events = 1 }, Safe);

        // Then
        Assert.True(p.Statements[0].Resources[0].Evidence[0].Implied);
        Assert.Contains(p.Notes, n => n.Contains("no data events", StringComparison.Ordinal));
        Assert.Contains(p.Notes, n => n.Contains("implied", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Compress_Actions_Only_When_Asked()
    {
        // Given
        RequiredPermission[] tuples = [.. Safe.Catalog.ExpandActionPattern("sqs:Get*").Select(a => P(a.FullName, Sqs + "q", "queue"))];

        // When
        GeneratedPolicy plain = Generate(Safe, tuples);
        GeneratedPolicy compressed = Generate(Safe with { CompressActions = true }, tuples);

        // Then
        Assert.Equal(tuples.Length, plain.Statements[0].Statement.Action!.Values.Length);
        Assert.Equal(["sqs:Get*"], compressed.Statements[0].Statement.Action!.Values.ToArray());
        Assert.Equal(tuples.Length, compressed.Statements[0].Actions.Length);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(400)]
    [InlineData(PolicyGenerationOptions.ManagedPolicyMaxSize)]
    public void Should_Give_The_Generated_Statements_When_Only_Statements_Are_Asked_For(int maxSize)
    {
        // Given: permissions that widen, that do not, and that split into parts (the oracle: the whole generation)
        var tuples = new List<RequiredPermission>();
        for (int i = 0; i < 40; i++)
        {
            tuples.Add(P("sqs:DeleteQueue", $"arn:aws:sqs:us-east-1:{100000000000 + i}:orders", "queue"));
            tuples.Add(P("s3:GetObject", $"arn:aws:s3:::acme-logs/2025/{i % 3}/part-{i}.json", "object"));
            tuples.Add(P("s3:PutObject", $"arn:aws:s3:::acme-logs/2025/{i % 3}/part-{i}.json", "object", implied: i % 2 == 0));
        }

        tuples.Add(P("iam:PassRole", "arn:aws:iam::123456789012:role/r", "role", implied: true));
        PrincipalEvidence evidence = Evidence([.. tuples]);
        PolicyGenerationOptions options = Safe with { MaxSize = maxSize };

        // When
        string[] statements = [.. PolicyGenerator.Statements(evidence, options).Select(Describe)];

        // Then
        Assert.Equal(PolicyGenerator.Generate(evidence, Facts, options).Statements.Select(Describe), statements);
    }

    private static string Describe(GeneratedStatement s) =>
        string.Join(" | ", s.Sid, string.Join(',', s.Actions), string.Join(',', s.Statement.Action!.Values), string.Join(',', s.Statement.Resource!.Values),
            string.Join(',', s.Resources.Select(static r => r.Pattern + "<-" + string.Join(',', r.Evidence.Select(static e => e.Action + " " + e.Resource)))),
            string.Join(';', s.Notes), s.Statement.Conditions.Length);
}

